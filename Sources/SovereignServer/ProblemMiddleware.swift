import HTTPTypes
import Hummingbird
import Logging

/// Turns every error thrown while answering into an RFC 9457 problem detail: the server's own
/// ``Problem``s as they are, the framework's HTTP errors (unknown route, body over the limit) in
/// the same shape, anything else as a logged 500 that does not leak internals.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
  /// The routes, to tell "no such path" (404) from "not with this method" (405).
  var routes: [APIRoute]
  /// The pages' paths (HTML), answered the same way.
  var pagePaths: [String]

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    do {
      return try await next(request, context)
    } catch let problem as Problem {
      return problem.response(instance: request.uri.path)
    } catch let error as any HTTPResponseError {
      var response = problem(for: error.status, request: request).response(instance: request.uri.path)
      if response.status == .methodNotAllowed {
        response.headers[.allow] = allowedMethods(request.uri.path).joined(separator: ", ")
      }
      return response
    } catch {
      context.logger.error("request failed: \(error)", metadata: ["path": .string(request.uri.path)])
      return Problem(.internalError, detail: "the server failed on this request; its log says why")
        .response(instance: request.uri.path)
    }
  }

  func problem(for status: HTTPResponse.Status, request: Request) -> Problem {
    let path = request.uri.path
    switch status {
    case .notFound:
      let methods = allowedMethods(path)
      if !methods.isEmpty {
        return Problem(
          .methodNotAllowed, detail: "\(path) answers \(methods.joined(separator: ", ")), not \(request.method.rawValue)")
      }
      return Problem(.notFound, detail: "no route \(request.method.rawValue) \(path); the API is described at /api/v1/openapi.json")
    case .contentTooLarge:
      return Problem(.bodyTooLarge, detail: "the request body is larger than \(ServerSettings.defaultMaximumBodyBytes) bytes (1 MiB)")
    default:
      return Problem(.httpError, detail: status.reasonPhrase, status: status.code)
    }
  }

  /// The methods the routes answer on `path` (none: no such path).
  func allowedMethods(_ path: String) -> [String] {
    routes.filter { $0.matches(path: path) }.map(\.method.rawValue) + (pagePaths.contains(path) ? ["GET"] : [])
  }
}
