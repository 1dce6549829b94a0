/// Why an `--assume ID.FACT=VALUE` was refused: unknown id, unknown fact, value not accepted.
/// The message names what was wrong and what is accepted (with a did-you-mean where one is close).
public struct AssumptionError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The assumption as given.
  public var text: String
  public var message: String

  public init(text: String, message: String) {
    self.text = text
    self.message = message
  }

  public var description: String { "--assume \(text): \(message)" }
}
