/// Collects response header lines as libcurl delivers them, one line per call.
///
/// A status line (`HTTP/...`) starts a new header block, so only the final answer's fields
/// remain. Names are lower-cased; a line is split at its first colon only.
struct HeaderParser: Sendable {
  private(set) var headers: [String: String] = [:]

  mutating func consume(line rawLine: String) {
    let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
    if line.hasPrefix("HTTP/") {
      headers = [:]
      return
    }
    guard let colon = line.firstIndex(of: ":") else { return }
    let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
    let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty else { return }
    if let existing = headers[name], name != "etag", name != "last-modified", name != "content-type" {
      headers[name] = existing + ", " + value
    } else {
      headers[name] = value
    }
  }
}

import Foundation
