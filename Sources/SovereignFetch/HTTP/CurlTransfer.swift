import Foundation
internal import CCurl

/// libcurl opened and `curl_global_init` run, exactly once (a lazily initialised global is
/// thread-safe in Swift): nil when ready, else what went wrong.
private let curlUnavailable: String? = {
  if let failure = ccurl_load() { return String(cString: failure) }
  let code = ccurl_global_init(Int(CURL_GLOBAL_DEFAULT))
  return code == CURLE_OK ? nil : "libcurl could not be initialised (code \(code.rawValue))"
}()

/// One HTTP GET over libcurl, without following redirects (``HTTPClient`` follows them itself so
/// that every hop is checked by ``URLPolicy``).
///
/// One easy handle per call, created and cleaned up here: no C state escapes, so the client is a
/// plain `Sendable` value. Callbacks are non-capturing closures reaching a ``Sink`` through
/// `Unmanaged`. Every `setopt` result is checked.
struct CurlTransfer {
  /// What one attempt returned.
  struct Answer {
    var status: Int
    var headers: [String: String]
    var body: [UInt8]
    /// The absolute target of a 3xx answer, as resolved by libcurl.
    var redirectURL: String?
  }

  var limits: FetchLimits
  var userAgent: String
  /// Extra CA bundle to trust (tests with a throwaway certificate); verification stays on.
  var caBundlePath: String?

  /// Body and header state filled by the callbacks.
  final class Sink {
    var body: [UInt8] = []
    var limit: Int
    var overflowed = false
    var headers = HeaderParser()
    init(limit: Int) { self.limit = limit }
  }

  func perform(_ request: HTTPRequest) throws(FetchError) -> Answer {
    if let curlUnavailable { throw .transport(url: request.url, code: -1, detail: curlUnavailable) }
    guard let handle = ccurl_easy_init() else {
      throw .transport(url: request.url, code: -1, detail: "libcurl could not create a handle")
    }
    defer { ccurl_easy_cleanup(handle) }
    let url = request.url
    let loopback = URLPolicy.parts(url).map { URLPolicy.isLoopback(host: $0.host) } ?? false
    let scheme = URLPolicy.parts(url)?.scheme ?? "https"

    var headerList: UnsafeMutablePointer<curl_slist>? = nil
    defer { ccurl_slist_free_all(headerList) }
    if let etag = request.ifNoneMatch { headerList = ccurl_slist_append(headerList, "If-None-Match: \(etag)") }
    if let date = request.ifModifiedSince { headerList = ccurl_slist_append(headerList, "If-Modified-Since: \(date)") }

    let sink = Sink(limit: limits.maxBodyBytes)
    var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    let started = Date()
    let code: CURLcode = try errorBuffer.withUnsafeMutableBufferPointer { (buffer) throws(FetchError) -> CURLcode in
      func check(_ result: CURLcode, _ option: String) throws(FetchError) {
        guard result == CURLE_OK else {
          throw .transport(url: url, code: Int(result.rawValue), detail: "option \(option) rejected: \(String(cString: ccurl_easy_strerror(result)))")
        }
      }
      try check(ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, buffer.baseAddress), "ERRORBUFFER")
      try check(ccurl_setopt_string(handle, CURLOPT_URL, url), "URL")
      try check(ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1), "NOSIGNAL")
      try check(ccurl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0), "FOLLOWLOCATION")
      // Only the URL's own scheme, itself only https or loopback http (checked by URLPolicy).
      try check(ccurl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, scheme), "PROTOCOLS_STR")
      try check(ccurl_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, scheme), "REDIR_PROTOCOLS_STR")
      try check(ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1), "SSL_VERIFYPEER")
      try check(ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2), "SSL_VERIFYHOST")
      if let caBundlePath { try check(ccurl_setopt_string(handle, CURLOPT_CAINFO, caBundlePath), "CAINFO") }
      try check(ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(limits.connectTimeout * 1000)), "CONNECTTIMEOUT_MS")
      try check(ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(limits.totalTimeout * 1000)), "TIMEOUT_MS")
      try check(ccurl_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, limits.lowSpeedBytesPerSecond), "LOW_SPEED_LIMIT")
      try check(ccurl_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, limits.lowSpeedSeconds), "LOW_SPEED_TIME")
      // Refuses early when Content-Length announces too much; the write callback bounds the rest.
      try check(ccurl_setopt_off(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(limits.maxBodyBytes)), "MAXFILESIZE_LARGE")
      // "" = every encoding libcurl can decode; the callback sees decoded bytes, so the limit holds after decompression.
      try check(ccurl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""), "ACCEPT_ENCODING")
      try check(ccurl_setopt_string(handle, CURLOPT_USERAGENT, userAgent), "USERAGENT")
      // Proxies come from http_proxy / https_proxy / no_proxy (libcurl's default); loopback never uses one.
      if loopback { try check(ccurl_setopt_string(handle, CURLOPT_NOPROXY, "*"), "NOPROXY") }
      if headerList != nil { try check(ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList), "HTTPHEADER") }

      let context = Unmanaged.passUnretained(sink).toOpaque()
      try check(
        ccurl_setopt_write_callback(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
          let sink = Unmanaged<CurlTransfer.Sink>.fromOpaque(context!).takeUnretainedValue()
          let length = size * count
          guard sink.body.count + length <= sink.limit else {
            sink.overflowed = true
            return 0  // aborts the transfer with CURLE_WRITE_ERROR
          }
          if length > 0, let data {
            data.withMemoryRebound(to: UInt8.self, capacity: length) {
              sink.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
            }
          }
          return length
        }, "WRITEFUNCTION")
      try check(ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, context), "WRITEDATA")
      try check(
        ccurl_setopt_write_callback(handle, CURLOPT_HEADERFUNCTION) { data, size, count, context in
          let sink = Unmanaged<CurlTransfer.Sink>.fromOpaque(context!).takeUnretainedValue()
          let length = size * count
          if length > 0, let data {
            let bytes = UnsafeRawBufferPointer(start: data, count: length)
            sink.headers.consume(line: String(decoding: bytes, as: UTF8.self))
          }
          return length
        }, "HEADERFUNCTION")
      try check(ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, context), "HEADERDATA")
      return withExtendedLifetime(sink) { ccurl_easy_perform(handle) }
    }
    let message = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let detail = message.isEmpty ? String(cString: ccurl_easy_strerror(code)) : message
    if code != CURLE_OK {
      throw Self.error(for: code, url: url, detail: detail, sink: sink, elapsed: Date().timeIntervalSince(started), limits: limits)
    }
    var status = 0
    _ = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
    var redirect: UnsafeMutablePointer<CChar>? = nil
    var redirectURL: String? = nil
    if ccurl_getinfo_string(handle, CURLINFO_REDIRECT_URL, &redirect) == CURLE_OK, let redirect {
      redirectURL = String(cString: redirect)
    }
    return Answer(status: status, headers: sink.headers.headers, body: sink.body, redirectURL: redirectURL)
  }

  /// Maps a libcurl code to a plain ``FetchError``.
  static func error(
    for code: CURLcode, url: String, detail: String, sink: Sink, elapsed: Double, limits: FetchLimits
  ) -> FetchError {
    switch code {
    case CURLE_WRITE_ERROR where sink.overflowed, CURLE_FILESIZE_EXCEEDED:
      return .bodyTooLarge(url: url, limit: limits.maxBodyBytes)
    case CURLE_OPERATION_TIMEDOUT:
      if elapsed + 0.05 < limits.totalTimeout && detail.lowercased().contains("too slow") {
        return .tooSlow(url: url, bytesPerSecond: limits.lowSpeedBytesPerSecond, seconds: limits.lowSpeedSeconds)
      }
      return .timedOut(url: url, seconds: limits.totalTimeout)
    case CURLE_PARTIAL_FILE:
      return .truncated(url: url, detail: detail)
    case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
      return .cannotConnect(url: url, detail: detail)
    case CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_SEND_ERROR:
      // A chunked body cut in the middle also ends as a receive error.
      if detail.lowercased().contains("outstanding read data") || detail.lowercased().contains("chunk") {
        return .truncated(url: url, detail: detail)
      }
      return .connectionLost(url: url, detail: detail)
    case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CACERT_BADFILE:
      return .tls(url: url, detail: detail)
    case CURLE_BAD_CONTENT_ENCODING:
      return .badEncoding(url: url, detail: detail)
    case CURLE_UNSUPPORTED_PROTOCOL:
      return .insecureURL(url)
    case CURLE_URL_MALFORMAT:
      return .invalidURL(url)
    default:
      return .transport(url: url, code: Int(code.rawValue), detail: detail)
    }
  }
}
