import Foundation
import HTTPTypes
import Hummingbird
import Sovereign

/// The JSON API's answers. Each calls the same library code and renderer as the matching CLI
/// command with `--format json`, on the catalog the server holds; no handler writes anything.
struct APIHandlers: Sendable {
  let holder: CatalogHolder
  let settings: ServerSettings

  func respond(_ operation: APIOperation, _ request: Request, _ context: some RequestContext) async throws -> Response {
    let route = operation.route
    let query = try QueryParameters(request, route: route)
    let served = holder.current
    switch operation {
    case .listProviders:
      return .json(try JSONOutput.encode(ProviderRow.rows(of: served.base)))
    case .showProvider:
      let id = context.parameters.get("id") ?? ""
      let day = try query.day()
      guard let provider = served.catalog.provider(id: id) else { throw unknownProvider(id, in: served.catalog) }
      let detail = try await limited {
        ProviderDetail(provider: provider, catalog: served.catalog, snapshotNotes: served.notes, asOf: day)
      }
      return .json(try JSONOutput.encode(detail))
    case .offeringExposure:
      let id = context.parameters.get("id") ?? ""
      let day = try query.day()
      guard let offering = served.catalog.offering(id: id) else { throw unknownOffering(id, in: served.catalog) }
      let exposure = try await limited { [ExposureEngine(catalog: served.catalog, asOf: day).assess(offering: offering)] }
      return .json(try JSONOutput.encode(exposure))
    case .rank:
      let day = try query.day()
      let method = try query.method()
      let maximumAge = try query.count("max_fact_age") ?? Ranker.defaultMaximumFactAgeDays
      let misses = try query.count("misses")
      let body = try await RequestBodyReader(limit: settings.maximumBodyBytes).read(request)
      let key = RankingCache.Key(
        body: Array(body.readableBytesView), day: day, method: method.map { "\($0)" }, maximumAge: maximumAge, misses: misses)
      if let cached = served.rankings.answer(for: key) { return .json(cached) }
      let text = try await limited {
        let requirements = try RequirementsRequest.read(body, vocabulary: served.vocabulary)
        var ranking: Ranking
        do {
          ranking = try served.ranker(at: day, maximumFactAgeDays: maximumAge).rank(requirements, method: method, misses: misses)
        } catch {
          throw Problem(.rankingFailed, detail: "\(RequirementsRequest.fileName): error: \(error)")
        }
        ranking.flagFetchedFacts(served.notes)
        return try RankingJSON.render(ranking)
      }
      let answer = ByteBuffer(string: text)
      served.rankings.keep(answer, for: key)
      return .json(answer)
    case .compare:
      let day = try query.day()
      let body = try await RequestBodyReader(limit: settings.maximumBodyBytes).read(request)
      let ids = try CompareRequest.ids(body)
      let offerings: [Offering]
      do {
        offerings = try ComparisonSubjects.resolve(ids, in: served.catalog)
      } catch {
        throw Problem(.notFound, detail: error.description)
      }
      guard offerings.count >= 2 else {
        throw Problem(
          .invalidRequest,
          detail: "compare needs at least two offerings; \(ids.map { "`\($0)`" }.joined(separator: ", ")) name"
            + (ids.count == 1 ? "s" : "") + " only " + (offerings.first.map { "`\($0.id)`" } ?? "none"))
      }
      let text = try await limited {
        try JSONOutput.encode(ComparisonBuilder(catalog: served.catalog, date: day).compare(offerings))
      }
      return .json(text)
    case .coverage:
      let text = try await limited {
        try JSONOutput.encode(CoverageAnalysis(catalog: served.catalog, date: CalendarDate.today()).report())
      }
      return .json(text)
    case .health:
      return .json(try JSONOutput.encode(HealthReport(served: served, offline: settings.offline)))
    case .openAPI:
      return .json(try JSONOutput.encode(OpenAPIDocument.make()))
    case .problemType:
      let name = context.parameters.get("type") ?? ""
      guard let type = ProblemType(rawValue: name) else {
        throw Problem(
          .notFound, detail: "no problem type `\(name)`; the types are " + ProblemType.allCases.map(\.rawValue).joined(separator: ", "))
      }
      return Response(
        status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
        body: .init(byteBuffer: ByteBuffer(string: "\(type.rawValue) (\(type.status)): \(type.title)\n\n\(type.explanation)\n")))
    }
  }

  /// Runs `work` within the per-request time limit.
  func limited<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await TimeLimit.run(settings.requestTimeLimit, work)
  }

  func unknownProvider(_ id: String, in catalog: Catalog) -> Problem {
    if let offering = catalog.offering(id: id) {
      return Problem(
        .notFound,
        detail: "`\(id)` is an offering of provider `\(offering.providerID)`: see /api/v1/providers/\(offering.providerID) "
          + "or /api/v1/offerings/\(id)/exposure")
    }
    let hint = Suggestions.hint(for: id, in: catalog.providers.map(\.id)) ?? "GET /api/v1/providers lists the ids"
    return Problem(.notFound, detail: "unknown provider `\(id)`: \(hint)")
  }

  func unknownOffering(_ id: String, in catalog: Catalog) -> Problem {
    if let provider = catalog.provider(id: id) {
      let offerings = provider.offerings.map(\.id).joined(separator: ", ")
      return Problem(
        .notFound, detail: "`\(id)` is a provider, not an offering; its offerings: \(offerings.isEmpty ? "none" : offerings)")
    }
    let hint = Suggestions.hint(for: id, in: catalog.offerings.map(\.id)) ?? "GET /api/v1/providers/{id} lists a provider's offerings"
    return Problem(.notFound, detail: "unknown offering `\(id)`: \(hint)")
  }
}

extension Response {
  /// A 200 answer with JSON text.
  static func json(_ text: String) -> Response { json(ByteBuffer(string: text)) }

  /// A 200 answer with JSON bytes (shared, not copied, when they come from a cache).
  static func json(_ buffer: ByteBuffer) -> Response {
    Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: buffer))
  }
}
