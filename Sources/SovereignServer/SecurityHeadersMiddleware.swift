import HTTPTypes
import Hummingbird

/// Adds the security headers to every answer: a Content-Security-Policy that allows no script, no
/// external resource and no framing (pages use inline CSS and `data:` images only), no MIME
/// sniffing, no referrer.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
  static var contentSecurityPolicy: String {
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
  }

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    var response = try await next(request, context)
    response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
    response.headers[.xContentTypeOptions] = "nosniff"
    response.headers[.referrerPolicy] = "no-referrer"
    response.headers[.frameOptions] = "DENY"
    response.headers[.crossOriginResourcePolicy] = "same-origin"
    return response
  }
}

extension HTTPField.Name {
  static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
  static let frameOptions = HTTPField.Name("X-Frame-Options")!
}
