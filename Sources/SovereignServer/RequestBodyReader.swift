import Foundation
import HTTPTypes
import Hummingbird
import Sovereign

/// Reads a request body of at most `limit` bytes (413 `body-too-large` beyond, refused from the
/// Content-Length alone when it says so) whose media type is YAML, JSON, plain text or none.
struct RequestBodyReader {
  var limit: Int

  /// Media types accepted for a document body. `application/x-www-form-urlencoded` is curl's
  /// default for `--data-binary`: the body is still read as the document it is.
  static let acceptedTypes = [
    "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "application/json", "text/json", "text/plain",
    "application/x-www-form-urlencoded", "application/octet-stream",
  ]

  func read(_ request: Request) async throws -> ByteBuffer {
    if let type = request.headers[.contentType] {
      let bare = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
      guard Self.acceptedTypes.contains(bare) else {
        throw Problem(.unsupportedMediaType, detail: "a body of type `\(bare)` cannot be read; send YAML or JSON (application/yaml, application/json)")
      }
    }
    if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
      throw Problem(.bodyTooLarge, detail: "the request body has \(length) bytes; the limit is \(limit) bytes (1 MiB)")
    }
    return try await request.body.collect(upTo: limit)
  }
}

/// A requirements document sent in a request body, read as `sovereign rank FILE` reads a file.
enum RequirementsRequest {
  /// The name diagnostics give the body (`body:3:5: error: ...`).
  static let fileName = "body"

  static func read(_ body: ByteBuffer, vocabulary: RequirementsVocabulary) throws(Problem) -> Requirements {
    do {
      return try RequirementsReader.read(data: body.readableBytesView, file: fileName, vocabulary: vocabulary)
    } catch {
      throw Problem.invalidRequirements(error)
    }
  }
}
