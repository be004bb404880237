-- Three facts of IPA's quarterly report, recorded from the staff's own decisions (issue 17):
-- how a website case ended as IPA counts it (修正完了報告の確認; set by the process for the unresponsive close),
-- the kind of site operator (運営者の連絡先の確認) and the kind of software product (内容確認).
-- Codes as jp.vulnreport.cases.CaseKinds; NULL = not recorded (cases from before this migration).
ALTER TABLE vr_case ADD COLUMN website_fix_kind VARCHAR(30);
ALTER TABLE vr_case ADD COLUMN operator_kind VARCHAR(30);
ALTER TABLE vr_case ADD COLUMN product_kind VARCHAR(30);
