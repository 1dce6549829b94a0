/// The exit codes `sovereign` documents (sysexits.h values where one fits).
enum ExitStatus {
  static let success: Int32 = 0
  /// `rank`: no offering passes the gates (the report is still printed).
  static let noEligibleOffering: Int32 = 1
  static let usage: Int32 = 64
  static let invalidData: Int32 = 65
  static let inputNotFound: Int32 = 66
  static let remoteUnavailable: Int32 = 69
  /// `init`: the output file exists and --force was not given (EX_CANTCREAT).
  static let cannotCreate: Int32 = 73
  static let outputError: Int32 = 74
  /// `refresh`: another refresh is running on the same store (EX_TEMPFAIL: try again later).
  static let busy: Int32 = 75
}
