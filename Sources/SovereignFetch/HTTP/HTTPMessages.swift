/// A GET request for a certification list.
public struct HTTPRequest: Sendable, Hashable {
  /// `https://...` (or `http://` to a loopback host).
  public var url: String
  /// ETag of the copy we hold: the server answers 304 when it is unchanged.
  public var ifNoneMatch: String?
  /// Last-Modified of the copy we hold, used when there is no ETag.
  public var ifModifiedSince: String?

  public init(url: String, ifNoneMatch: String? = nil, ifModifiedSince: String? = nil) {
    self.url = url
    self.ifNoneMatch = ifNoneMatch
    self.ifModifiedSince = ifModifiedSince
  }
}

/// A final (non-redirect) answer: 2xx with its body, or 304 Not Modified.
public struct HTTPResponse: Sendable, Hashable {
  /// The URL that answered, after redirects.
  public var url: String
  public var status: Int
  /// Header fields of the final answer, names lower-cased.
  public var headers: [String: String]
  /// The body, decompressed.
  public var body: [UInt8]

  public init(url: String, status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
    self.url = url
    self.status = status
    self.headers = headers
    self.body = body
  }

  public var isNotModified: Bool { status == 304 }
  public var etag: String? { headers["etag"] }
  public var lastModified: String? { headers["last-modified"] }
  /// The media type without parameters, lower-cased (e.g. `text/html`).
  public var mediaType: String? {
    headers["content-type"].map { String($0.split(separator: ";").first ?? "").trimmingCharacters(in: .whitespaces).lowercased() }
  }
  /// The `charset` parameter of Content-Type, lower-cased.
  public var charset: String? {
    guard let type = headers["content-type"] else { return nil }
    for part in type.split(separator: ";").dropFirst() {
      let pair = part.split(separator: "=", maxSplits: 1)
      if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" {
        return pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased()
      }
    }
    return nil
  }
}

import Foundation
