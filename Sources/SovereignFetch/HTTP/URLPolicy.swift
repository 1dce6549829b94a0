import Foundation

/// Which URLs may be fetched and where redirects may lead (pure rules, tested without a network).
///
/// - `https://` anywhere; plain `http://` only to loopback hosts (127.0.0.0/8, ::1, localhost),
///   which is what tests use.
/// - A redirect keeps the scheme of the first URL, and a plain-http redirect stays on loopback.
public enum URLPolicy {
  /// Scheme and host of an absolute http(s) URL, lower-cased; nil when not parseable.
  static func parts(_ url: String) -> (scheme: String, host: String)? {
    guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
      let host = components.host, !host.isEmpty
    else { return nil }
    return (scheme, host.lowercased())
  }

  /// True for 127.0.0.0/8, ::1 and localhost.
  public static func isLoopback(host: String) -> Bool {
    let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
    if bare == "localhost" || bare == "::1" { return true }
    let octets = bare.split(separator: ".", omittingEmptySubsequences: false)
    guard octets.count == 4, octets.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCII) && UInt8($0) != nil })
    else { return false }
    return octets[0] == "127"
  }

  /// Checks a URL before the first request.
  public static func check(_ url: String) throws(FetchError) {
    guard let (scheme, host) = parts(url) else { throw .invalidURL(url) }
    switch scheme {
    case "https": return
    case "http" where isLoopback(host: host): return
    default: throw .insecureURL(url)
    }
  }

  /// Checks a redirect from `from` (already allowed) to `to`.
  public static func checkRedirect(from: String, to: String) throws(FetchError) {
    guard let (fromScheme, _) = parts(from) else { throw .invalidURL(from) }
    guard let (toScheme, toHost) = parts(to) else {
      throw .redirectRefused(from: from, to: to, reason: "the target is not an absolute http(s) URL")
    }
    guard toScheme == fromScheme else {
      throw .redirectRefused(from: from, to: to, reason: "a redirect may not change the scheme (\(fromScheme) to \(toScheme))")
    }
    if toScheme == "http" && !isLoopback(host: toHost) {
      throw .redirectRefused(from: from, to: to, reason: "plain http is allowed only to loopback hosts")
    }
  }
}
