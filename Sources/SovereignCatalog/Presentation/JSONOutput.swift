import Foundation

/// JSON as `sovereign` prints it (CLI `--format json` and the HTTP API alike): pretty, keys
/// sorted (stable diffs), slashes unescaped, one trailing newline.
public enum JSONOutput {
  public static func encode(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
  }
}
