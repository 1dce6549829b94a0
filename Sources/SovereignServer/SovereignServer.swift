import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Sovereign

/// `sovereign serve`: the JSON API (and the pages) over HTTP, on one catalog loaded and
/// validated at start, shared read-only by the requests and replaced whole on SIGHUP.
///
/// ```swift
/// let server = try SovereignServer(settings: ServerSettings(port: 0, offline: true))
/// try await server.run { port in print("listening on \(port)") }
/// ```
public struct SovereignServer: Sendable {
  public let settings: ServerSettings
  public let holder: CatalogHolder
  let loading: CatalogLoading
  let logger: Logger

  /// Loads and validates the catalog; throws its problems (as the CLI prints them) when it is
  /// missing or invalid.
  public init(settings: ServerSettings, logger: Logger = Logger(label: "sovereign.serve")) throws(CatalogLoadFailure) {
    self.settings = settings
    self.logger = logger
    loading = CatalogLoading(directory: settings.catalogDirectory, offline: settings.offline) { [logger] line in
      logger.warning("\(line)")
    }
    holder = CatalogHolder(try loading.load())
  }

  /// Loads the catalog again and serves it if it is valid; a missing or invalid catalog keeps the
  /// one served and logs why. Returns the problem, or nil when the new catalog is served.
  @discardableResult
  public func reload() -> CatalogLoadFailure? {
    do {
      let fresh = try loading.load()
      holder.replace(with: fresh)
      logger.info(
        "catalog reloaded from \(fresh.origin): \(fresh.catalog.providers.count) providers, \(fresh.catalog.offerings.count) offerings, sha256 \(fresh.fingerprint)")
      return nil
    } catch {
      let kept = holder.current
      logger.error(
        "catalog reload failed; still serving the catalog loaded at \(kept.loadedAt) (sha256 \(kept.fingerprint)):\n\(error.description)")
      return error
    }
  }

  /// The router with every route and middleware.
  public func makeRouter() -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    let routes = APIOperation.allCases.map(\.route)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ProblemMiddleware(routes: routes, pagePaths: PageRoutes.paths))
    let handlers = APIHandlers(holder: holder, settings: settings)
    for operation in APIOperation.allCases {
      let route = operation.route
      router.on(RouterPath(route.routerPath), method: route.method) { request, context in
        try await handlers.respond(operation, request, context)
      }
    }
    PageRoutes(holder: holder, settings: settings).register(on: router)
    return router
  }

  /// Serves until the task is cancelled or the process gets SIGINT/SIGTERM; SIGHUP reloads the
  /// catalog. `onListening` gets the port once the server accepts connections.
  public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
    let hangup = HangupReloader { [self] in reload() }
    defer { hangup.cancel() }
    let app = Application(
      router: makeRouter(),
      server: .http1(configuration: .init(idleTimeout: .seconds(settings.idleTimeoutSeconds))),
      configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil),
      onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
      logger: logger)
    try await app.runService()
  }
}

/// Calls `reload` on each SIGHUP (on a queue of its own, never inside a signal handler).
final class HangupReloader: @unchecked Sendable {
  private let source: any DispatchSourceSignal

  init(reload: @escaping @Sendable () -> Void) {
    signal(SIGHUP, SIG_IGN)
    source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: DispatchQueue(label: "sovereign.serve.sighup"))
    source.setEventHandler(handler: reload)
    source.resume()
  }

  func cancel() { source.cancel() }
}
