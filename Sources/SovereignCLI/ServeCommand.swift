import ArgumentParser
import Foundation
import Sovereign
import SovereignServer

/// `sovereign serve`: the catalog and the ranking as a local web app and a JSON API. Only parses
/// the options and starts the server (module SovereignServer).
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve the catalog, the ranking and the JSON API (/api/v1/, OpenAPI at /api/v1/openapi.json) over HTTP.",
    discussion: """
      Listens on 127.0.0.1:8080 by default. The catalog is loaded and validated once at start; SIGHUP reloads \
      it (an invalid catalog keeps the one served and logs why). No endpoint writes anything and there is no \
      authentication: with --host 0.0.0.0 put it behind a reverse proxy that authenticates. docs/serve.md \
      documents the routes, the JSON and the problem types. Exit codes: 0 stopped by SIGINT or SIGTERM; 64 usage \
      error; 65 invalid catalog; 66 catalog not found; 69 cannot listen on the address.
      """
  )

  @Option(help: ArgumentHelp("The address to listen on (0.0.0.0: every interface; see the warning).", valueName: "ADDRESS"))
  var host = "127.0.0.1"

  @Option(help: ArgumentHelp("The TCP port (0: any free port, printed at start).", valueName: "PORT"))
  var port = 8080

  @Option(help: ArgumentHelp("Answer 503 when a request's work takes longer than this many seconds.", valueName: "SECONDS"))
  var timeLimit = 10

  @OptionGroup var catalogOptions: CatalogOptions
  @OptionGroup var snapshotOptions: SnapshotOptions

  func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535; got \(port)") }
    guard timeLimit > 0 else { throw ValidationError("--time-limit must be one second or more") }
  }

  func run() async throws {
    let settings = ServerSettings(
      host: host, port: port, catalogDirectory: catalogOptions.catalog.map { URL(fileURLWithPath: $0) },
      offline: snapshotOptions.offline, requestTimeLimit: .seconds(timeLimit))
    if settings.isExposed {
      Terminal.warning(
        "listening on \(host): the service has no authentication and anyone who can reach this address can use it; "
          + "put it behind a reverse proxy that authenticates")
    }
    let server: SovereignServer
    do {
      server = try SovereignServer(settings: settings)
    } catch {
      Terminal.error(error.description)
      throw ExitCode(error.isMissing ? ExitStatus.inputNotFound : ExitStatus.invalidData)
    }
    let served = server.holder.current
    do {
      try await server.run { port in
        let shown = host.contains(":") ? "[\(host)]" : host
        Terminal.write(
          "sovereign serve: http://\(shown):\(port)/ (catalog \(served.origin): \(served.catalog.providers.count) providers, "
            + "\(served.catalog.offerings.count) offerings); Ctrl-C stops, SIGHUP reloads the catalog\n")
      }
    } catch {
      Terminal.error("cannot serve on \(host):\(port): \(error)")
      throw ExitCode(ExitStatus.remoteUnavailable)
    }
  }
}
