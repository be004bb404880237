-- The facts the government-notification criteria need that the case register did not hold (issue 15):
-- recorded whenever they are set (verification, a website's substantive check, the developers
-- identified in coordination), so that an evaluation made after the case's processes ended (a
-- re-evaluation on exploitation information or at liaison's request) sees the same facts.
-- NULL: not recorded (unknown). Exploitation status, CVSS and category stay on vr_case.
CREATE TABLE vr_case_criteria_facts (
    tracking_number          VARCHAR(20) PRIMARY KEY REFERENCES vr_case (tracking_number),
    critical_infrastructure  BOOLEAN,
    fix_available            BOOLEAN,
    affected_developer_count INTEGER,
    website_severity         VARCHAR(20),
    personal_data_exposed    BOOLEAN,
    critical_service_exposed BOOLEAN,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL
);
