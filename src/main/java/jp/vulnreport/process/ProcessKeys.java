package jp.vulnreport.process;

/** Ids shared between the BPMN files and the code. */
public final class ProcessKeys {

  public static final String SOFTWARE_VULNERABILITY_REPORT = "SoftwareVulnerabilityReport";
  public static final String CASE_DISCONTINUATION = "CaseDiscontinuation";
  public static final String GOVERNMENT_NOTIFICATION = "GovernmentNotification";
  public static final String PERSONAL_DATA_RETENTION = "PersonalDataRetention";
  public static final String WEBSITE_VULNERABILITY_REPORT = "WebsiteVulnerabilityReport";
  public static final String PRIORITY_INFORMATION_PROVISION = "PriorityInformationProvision";
  public static final String EXPLOITATION_REPORT = "ExploitationReport";
  public static final String COORDINATION = "Coordination";
  public static final String DEVELOPER_COORDINATION = "DeveloperCoordination";
  public static final String DEVELOPER_RESPONSE_ENTRY = "DeveloperResponseEntry";
  public static final String ZERO_DAY_REQUEST = "ZeroDayRequest";

  public static final String MSG_CLARIFICATION_REPLY = "Msg_ClarificationReply";
  public static final String MSG_DISCONTINUE = "Msg_Discontinue";

  private ProcessKeys() {}
}
