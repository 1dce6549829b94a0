import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One HTTP/1.1 exchange with a server on 127.0.0.1, over a plain socket (the request is sent
/// whole with `Connection: close`, the answer read to the end), on a GCD thread so that waiting
/// never blocks the Swift concurrency pool the in-process server runs on.
struct HTTPExchange: Sendable {
  var status: Int
  /// Header names in lower case.
  var headers: [String: String]
  var body: [UInt8]

  var text: String { String(decoding: body, as: UTF8.self) }

  /// The body parsed as JSON.
  var json: Any? { try? JSONSerialization.jsonObject(with: Data(body)) }

  struct Failure: Error, CustomStringConvertible { var description: String }

  static func send(
    port: Int, _ method: String, _ path: String, headers: [String: String] = [:], body: [UInt8]? = nil,
    rawBody: [UInt8]? = nil, timeout: Int = 60
  ) async throws -> HTTPExchange {
    try await withCheckedThrowingContinuation { continuation in
      DispatchQueue.global().async {
        continuation.resume(
          with: Result {
            try sendBlocking(port: port, method, path, headers: headers, body: body, rawBody: rawBody, timeout: timeout)
          })
      }
    }
  }

  static func sendBlocking(
    port: Int, _ method: String, _ path: String, headers: [String: String], body: [UInt8]?, rawBody: [UInt8]? = nil,
    timeout: Int
  ) throws -> HTTPExchange {
    signal(SIGPIPE, SIG_IGN)
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw Failure(description: "socket() failed") }
    defer { close(fd) }
    var time = timeval(tv_sec: timeout, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { throw Failure(description: "cannot connect to 127.0.0.1:\(port): errno \(errno)") }
    var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
    for (name, value) in headers { head += "\(name): \(value)\r\n" }
    if let body { head += "Content-Length: \(body.count)\r\n" }
    head += "\r\n"
    let request = Array(head.utf8) + (body ?? rawBody ?? [])
    // The server may answer (413) and close before reading a large body: a failed write is not
    // an error as long as an answer can be read.
    // Written from another thread while this one reads, so an early answer is read before the
    // server's close can reset the connection.
    let written = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      var sent = 0
      while sent < request.count {
        let count = request[sent...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if count <= 0 { break }
        sent += count
      }
      written.signal()
    }
    defer { written.wait() }
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = read(fd, &buffer, buffer.count)
      if count <= 0 { break }
      received += buffer[0..<count]
    }
    return try parse(received)
  }

  static func parse(_ bytes: [UInt8]) throws -> HTTPExchange {
    let separator: [UInt8] = [13, 10, 13, 10]
    guard let end = bytes.indices.first(where: { bytes[$0...].starts(with: separator) }) else {
      throw Failure(description: "no complete answer (\(bytes.count) bytes received)")
    }
    let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
    let statusParts = lines[0].split(separator: " ")
    guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line \(lines[0])") }
    var headers: [String: String] = [:]
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    var body = Array(bytes[(end + 4)...])
    if headers["transfer-encoding"]?.lowercased() == "chunked" { body = try dechunk(body) }
    return HTTPExchange(status: status, headers: headers, body: body)
  }

  static func dechunk(_ bytes: [UInt8]) throws -> [UInt8] {
    var result: [UInt8] = []
    var index = 0
    while index < bytes.count {
      guard let lineEnd = bytes[index...].indices.first(where: { bytes[$0] == 13 }) else { break }
      let sizeText = String(decoding: bytes[index..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
      guard let size = Int(sizeText, radix: 16) else { throw Failure(description: "bad chunk size") }
      if size == 0 { break }
      let start = lineEnd + 2
      result += bytes[start..<min(start + size, bytes.count)]
      index = start + size + 2
    }
    return result
  }
}
