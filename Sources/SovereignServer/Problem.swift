import HTTPTypes
import Hummingbird
import Sovereign

/// An RFC 9457 problem detail, answered as `application/problem+json`: `type`, `title`, `status`,
/// `detail`, and for invalid requirements `errors` (each diagnostic with file, line, column,
/// message and hint).
public struct Problem: Error, Sendable, Encodable {
  public var type: String
  public var title: String
  public var status: Int
  public var detail: String
  /// The path of the request that failed.
  public var instance: String?
  /// Every problem found in a requirements document, in order.
  public var errors: [Diagnostic]?

  public init(_ kind: ProblemType, detail: String, status: Int? = nil, errors: [Diagnostic]? = nil) {
    type = kind.uri
    title = kind.title
    self.status = status ?? kind.status
    self.detail = detail
    self.errors = errors
  }

  /// The media type of a problem document.
  public static let mediaType = "application/problem+json"

  /// The problem for a requirements document that did not read.
  static func invalidRequirements(_ list: DiagnosticList) -> Problem {
    Problem(.invalidRequirements, detail: list.description, errors: list.diagnostics)
  }

  /// The response carrying this problem (JSON as the CLI prints it).
  func response(instance path: String) -> Response {
    var problem = self
    problem.instance = path
    let text = (try? JSONOutput.encode(problem)) ?? "{\"status\": \(status)}\n"
    return Response(
      status: .init(code: status), headers: [.contentType: Self.mediaType],
      body: .init(byteBuffer: ByteBuffer(string: text)))
  }
}
