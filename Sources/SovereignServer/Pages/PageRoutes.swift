import Foundation
import HTTPTypes
import Hummingbird
import Plot
import Sovereign

/// The server's HTML pages (no script; the look of the HTML report, from SovereignHTML): the
/// catalog with filters, a provider page, and the requirements form with its ranking. Forms are
/// submitted with GET, so every page's URL is its permalink.
struct PageRoutes: Sendable {
  let holder: CatalogHolder
  let settings: ServerSettings

  static let paths = ["/", "/rank", "/report", "/compare"]

  func register(on router: Router<BasicRequestContext>) {
    router.get("/") { request, _ in try await catalogPage(FormQuery(request.uri.query)) }
    router.get("/providers/:id") { _, context in try await providerPage(context.parameters.get("id") ?? "") }
    router.get("/rank") { request, _ in try await rankPage(FormQuery(request.uri.query)) }
    router.get("/report") { request, _ in try await reportDownload(FormQuery(request.uri.query)) }
    router.get("/compare") { request, _ in try await comparePage(FormQuery(request.uri.query)) }
  }

  func html(_ page: HTMLPage, status: HTTPResponse.Status = .ok) -> Response {
    Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: page.render())))
  }

  func navigation() -> [HTMLNode] {
    [
      .element(named: "nav", nodes: [
        HTMLParts.localLink("Catalog", "/"), .text(" · "), HTMLParts.localLink("Rank", "/rank"), .text(" · "),
        HTMLParts.localLink("Compare", "/compare"), .text(" · "),
        HTMLParts.localLink("API (OpenAPI)", "/api/v1/openapi.json"),
      ])
    ]
  }

  func footer(_ served: ServedCatalog) -> [HTMLNode] {
    [HTMLParts.paragraph("sovereign \(SovereignVersion.current) · catalog \(served.origin), SHA-256 \(served.fingerprint)")]
  }

  // MARK: Catalog

  func catalogPage(_ query: FormQuery) async throws -> Response {
    let served = holder.current
    let rows = ProviderRow.rows(of: served.base)
    let hds = query.value("hds")
    let snc = query.value("secnumcloud")
    let country = query.value("country")?.uppercased()
    // Offering-level filters: a provider is kept when one of its offerings is HDS-certified for the
    // activity, or has the chosen verdict for the chosen law (the exposure engine's, as of today).
    let activity = query.value("activity").flatMap(Int.init)
    let law = query.value("law")
    let verdict = query.value("verdict")
    let today = CalendarDate.today()
    var offeringMatch: Set<String>? = nil
    if activity != nil || (law != nil && verdict != nil) {
      // The exposure the rank page and the API use, assessed once per day and catalog.
      let exposure = law != nil && verdict != nil ? served.exposures.exposure(at: today) : nil
      offeringMatch = Set(
        served.catalog.offerings.filter { offering in
          let hdsOK =
            activity.map { wanted in
              offering.certifications.hds.map { hds in
                // Held today (the gates' rule): not past its end, not known only from before a
                // referential became mandatory.
                CertificateCurrency.hds(hds, on: today, rules: served.catalog.rules).isCurrent
                  && (hds.activities.value ?? []).contains(wanted)
              } ?? false
            } ?? true
          let lawOK = exposure.map { $0.verdict(of: offering, for: law ?? "")?.rawValue == verdict } ?? true
          return hdsOK && lawOK
        }.map(\.providerID))
    }
    let shown = rows.filter { row in
      (hds == nil || row.hds == hds) && (snc == nil || row.secnumcloud == snc)
        && (country == nil || row.seat.split(separator: " ").contains { $0 == country ?? "" })
        && (offeringMatch?.contains(row.id) ?? true)
    }
    func select(_ name: String, _ options: [String], _ chosen: String?) -> HTMLNode {
      .element(named: "label", nodes: [
        .text(name + " "),
        .element(named: "select", nodes: [.safeAttribute(named: "name", value: name), HTMLParts.option("", "any", chosen == nil)]
          + options.map { HTMLParts.option($0, $0, chosen == $0) }),
      ])
    }
    let filters: HTMLNode = .element(named: "form", nodes: [
      .safeAttribute(named: "method", value: "get"), .safeAttribute(named: "action", value: "/"),
      select("hds", ["certified", "not-certified", "unknown"], hds), .text(" "),
      select("secnumcloud", ["qualified", "in-progress", "none", "unknown"], snc), .text(" "),
      select("activity", (1...6).map(String.init), activity.map(String.init)), .text(" "),
      select("law", served.catalog.laws.map(\.id).sorted(), law), .text(" "),
      select("verdict", ["exposed", "not-exposed", "unknown"], verdict), .text(" "),
      .element(named: "label", nodes: [
        .text("country "),
        .element(named: "input", nodes: [
          .safeAttribute(named: "name", value: "country"), .safeAttribute(named: "value", value: country ?? ""),
          .safeAttribute(named: "size", value: "4"),
        ]),
      ]),
      .text(" "), .element(named: "button", nodes: [.text("Filter")]),
    ])
    let table = HTMLParts.table(
      headers: ProviderRow.headers,
      rows: shown.map { row in
        [
          HTMLParts.localLink(row.id, "/providers/\(row.id)"), .text(HTMLEscaping.text(row.name)), .text(HTMLEscaping.text(row.seat)),
          .text(String(row.offerings)), .text(HTMLEscaping.text(row.hds)), .text(HTMLEscaping.text(row.secnumcloud)),
          HTMLParts.link(row.website, url: row.website),
        ]
      }, numeric: [3], caption: "\(shown.count) of \(rows.count) providers")
    return html(
      HTMLPage(
        title: "sovereign: catalog", header: navigation() + [.h1(.text("Catalog"))],
        main: [filters, table], footer: footer(served)))
  }

  // MARK: Provider

  func providerPage(_ id: String) async throws -> Response {
    let served = holder.current
    guard let provider = served.catalog.provider(id: id) else {
      let hint = Suggestions.hint(for: id, in: served.catalog.providers.map(\.id)) ?? "the catalog page lists the ids"
      return html(
        HTMLPage(
          title: "sovereign: not found", header: navigation() + [.h1(.text("No such provider"))],
          main: [HTMLParts.paragraph("unknown provider `\(id)`: \(hint)")], footer: footer(served)), status: .notFound)
    }
    let day = CalendarDate.today()
    let detail = try await TimeLimit.run(settings.requestTimeLimit) {
      ProviderDetail(provider: provider, catalog: served.catalog, snapshotNotes: served.notes, asOf: day)
    }
    var main: [HTMLNode] = []
    for exposure in detail.exposure {
      let offering = provider.offerings.first { $0.id == exposure.offeringID }
      var facts: [[HTMLNode]] = []
      if let hds = offering?.certifications.hds {
        facts.append([.text("HDS"), .text(HTMLEscaping.text("\(hds.status.rawValue)")), HTMLParts.sourceList(hds.provenance.sources)])
      }
      if let snc = offering?.certifications.secNumCloud {
        facts.append([.text("SecNumCloud"), .text(HTMLEscaping.text("\(snc.status.rawValue)")), HTMLParts.sourceList(snc.provenance.sources)])
      }
      let laws = exposure.laws.map { law -> [HTMLNode] in
        [
          .text(HTMLEscaping.text(law.lawName)),
          .group([
            HTMLParts.badge(law.verdict.rawValue, tone: law.verdict == .notExposed ? .good : law.verdict == .exposed ? .bad : .unknown),
            .text(" "), HTMLParts.gradeLabel(law.evidence),
          ]),
          .group([
            HTMLParts.paragraph(law.detail + (law.path.map { " Path: \($0)." } ?? "")
              + (law.missingFacts.isEmpty ? "" : " Missing: " + law.missingFacts.joined(separator: "; ") + ".")),
            HTMLParts.sourceList(law.sources),
          ]),
        ]
      }
      main.append(
        HTMLParts.section(
          exposure.offeringName, id: exposure.offeringID,
          [
            HTMLParts.table(headers: ["certification", "status", "sources (kind, as of)"], rows: facts),
            HTMLParts.table(headers: ["law", "verdict (evidence)", "why, with the path and sources"], rows: laws),
            HTMLParts.paragraph("SecNumCloud 3.2 § 19.6: \(exposure.secNumCloud196.verdict.rawValue) (\(exposure.secNumCloud196.note))"),
          ]))
    }
    return html(
      HTMLPage(
        title: "sovereign: \(provider.name)",
        header: navigation() + [.h1(.text(HTMLEscaping.text(provider.name))), HTMLParts.paragraph("Verdicts as of \(day); JSON: /api/v1/providers/\(provider.id)")],
        main: main, footer: footer(served)))
  }

  // MARK: Requirements form and ranking

  func rankPage(_ query: FormQuery) async throws -> Response {
    let served = holder.current
    let shown = query.isEmpty ? FormQuery(FormQuery.encode(RequirementsForm.example)) : query
    var main: [HTMLNode] = [form(shown, served: served)]
    if query.value("run") != nil {
      do {
        let ranking = try await ranking(for: query, served: served)
        // The ranking first, the form to adjust it after.
        let parameters = FormQuery.encode(query.pairs.map { ($0.name, $0.value) })
        main.insert(rankingSection(ranking, permalink: "/rank?" + parameters, report: "/report?" + parameters), at: 0)
      } catch let error as DiagnosticList {
        main.append(HTMLParts.section("The requirements are invalid", id: "errors", [.pre(.text(HTMLEscaping.text(error.description)))]))
      } catch let problem as Problem {
        main.append(HTMLParts.section(problem.title, id: "errors", [HTMLParts.paragraph(problem.detail)]))
      } catch {
        main.append(HTMLParts.section("The ranking failed", id: "errors", [HTMLParts.paragraph("\(error)")]))
      }
    }
    return html(
      HTMLPage(
        title: "sovereign: rank", header: navigation() + [.h1(.text("Rank the offerings against your requirements"))],
        main: main, footer: footer(served)))
  }

  /// The ranking of the requirements a form query describes (the same reader and ranker as the CLI).
  func ranking(for query: FormQuery, served: ServedCatalog) async throws -> Ranking {
    let document = RequirementsForm.document(query)
    let day = CalendarDate.today()
    return try await TimeLimit.run(settings.requestTimeLimit) { () throws -> Ranking in
      let requirements = try RequirementsReader.read(text: document, file: "form", vocabulary: served.vocabulary)
      var ranking = try served.ranker(at: day, maximumFactAgeDays: Ranker.defaultMaximumFactAgeDays).rank(requirements)
      ranking.flagFetchedFacts(served.notes)
      return ranking
    }
  }

  // MARK: Report download

  /// The decision report of the form's requirements as a file: HTML (`format=html`, default) or
  /// PDF (`format=pdf`, through headless Chromium when it is installed; 501 otherwise). The same
  /// renderer as `sovereign rank --format html|pdf`.
  func reportDownload(_ query: FormQuery) async throws -> Response {
    let served = holder.current
    let ranking: Ranking
    do {
      ranking = try await self.ranking(for: query, served: served)
    } catch let error as DiagnosticList {
      return html(
        HTMLPage(
          title: "sovereign: invalid requirements", header: navigation() + [.h1(.text("The requirements are invalid"))],
          main: [.pre(.text(HTMLEscaping.text(error.description)))], footer: footer(served)), status: .badRequest)
    }
    let language = ReportLanguage(rawValue: query.value("lang") ?? "en") ?? .en
    let report = DecisionReport(
      ranking: ranking, language: language,
      provenance: DecisionReport.Provenance(catalogFingerprint: served.fingerprint, fetchedLists: []))
    let page = DecisionReportHTML.render(report)
    if query.value("format") == "pdf" {
      do {
        let pdf = try await TimeLimit.run(settings.requestTimeLimit) { try ChromiumPDF.render(html: page) }
        return Response(
          status: .ok,
          headers: [.contentType: "application/pdf", .contentDisposition: "attachment; filename=\"sovereign-report.pdf\""],
          body: .init(byteBuffer: ByteBuffer(bytes: pdf)))
      } catch let failure as ChromiumPDF.Failure {
        return html(
          HTMLPage(
            title: "sovereign: no PDF", header: navigation() + [.h1(.text("The PDF cannot be made here"))],
            main: [HTMLParts.paragraph(failure.description)], footer: footer(served)), status: .notImplemented)
      }
    }
    return Response(
      status: .ok,
      headers: [.contentType: "text/html; charset=utf-8", .contentDisposition: "attachment; filename=\"sovereign-report.html\""],
      body: .init(byteBuffer: ByteBuffer(string: page)))
  }

  // MARK: Compare

  /// Offerings side by side (`ids`: offering or provider ids, repeated or separated by spaces or
  /// commas), the same model and renderer as `sovereign compare --format html`.
  func comparePage(_ query: FormQuery) async throws -> Response {
    let served = holder.current
    let ids = query.values("ids").flatMap { $0.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init) }
    let field: HTMLNode = .element(named: "form", nodes: [
      .safeAttribute(named: "method", value: "get"), .safeAttribute(named: "action", value: "/compare"),
      .element(named: "label", nodes: [
        .text("offering or provider ids "),
        .element(named: "input", nodes: [
          .safeAttribute(named: "name", value: "ids"), .safeAttribute(named: "value", value: ids.joined(separator: " ")),
          .safeAttribute(named: "size", value: "60"),
        ]),
      ]),
      .text(" "), .element(named: "button", nodes: [.text("Compare")]),
    ])
    var main: [HTMLNode] = [field]
    var status = HTTPResponse.Status.ok
    if !ids.isEmpty {
      do {
        let offerings = try ComparisonSubjects.resolve(ids, in: served.catalog)
        if offerings.count < 2 {
          main.append(HTMLParts.paragraph("Give at least two offerings (a provider id stands for each of its offerings)."))
        } else {
          let comparison = try await TimeLimit.run(settings.requestTimeLimit) {
            ComparisonBuilder(catalog: served.catalog, date: CalendarDate.today()).compare(offerings)
          }
          main += CompareHTML.body(comparison)
        }
      } catch let unknown as ComparisonSubjects.UnknownID {
        main.append(HTMLParts.paragraph(unknown.description))
        status = .notFound
      }
    }
    return html(
      HTMLPage(
        title: "sovereign: compare", header: navigation() + [.h1(.text("Compare offerings"))], main: main,
        footer: footer(served), extraCSS: CompareHTML.css),
      status: status)
  }

  func form(_ query: FormQuery, served: ServedCatalog) -> HTMLNode {
    func checkboxes(_ name: String, _ options: [String]) -> HTMLNode {
      let chosen = Set(query.values(name))
      return .element(named: "fieldset", nodes: [.element(named: "legend", nodes: [.text(name)])] + options.map { option in
        .element(named: "label", nodes: [
          .element(named: "input", nodes: [
            .safeAttribute(named: "type", value: "checkbox"), .safeAttribute(named: "name", value: name),
            .safeAttribute(named: "value", value: option), chosen.contains(option) ? .attribute(named: "checked", value: "checked") : .empty,
          ]), .text(HTMLEscaping.text(option) + " "),
        ])
      })
    }
    func select(_ name: String, _ options: [String]) -> HTMLNode {
      let chosen = query.value(name)
      return .element(named: "label", nodes: [
        .text(name + " "),
        .element(named: "select", nodes: [.safeAttribute(named: "name", value: name), HTMLParts.option("", "(not set)", chosen == nil)]
          + options.map { HTMLParts.option($0, $0, chosen == $0) }),
      ])
    }
    func input(_ name: String, size: Int) -> HTMLNode {
      .element(named: "label", nodes: [
        .text(name + " "),
        .element(named: "input", nodes: [
          .safeAttribute(named: "name", value: name), .safeAttribute(named: "value", value: query.value(name) ?? ""),
          .safeAttribute(named: "size", value: String(size)),
        ]),
      ])
    }
    let laws = served.catalog.laws.map(\.id).sorted()
    let capabilities = served.vocabulary.capabilities.sorted()
    return .element(named: "form", nodes: [
      .safeAttribute(named: "method", value: "get"), .safeAttribute(named: "action", value: "/rank"),
      .p(input("name", size: 50)),
      .p(select("kind", Requirements.DataKind.allCases.map(\.rawValue)), .text(" "), input("residency", size: 12)),
      checkboxes("hds_activities", (1...6).map(String.init)),
      .p(select("hds_referential", RequirementsReader.hdsReferentials), .text(" "),
        select("secnumcloud", Requirements.SecNumCloudRequirement.allCases.map(\.rawValue)), .text(" "),
        checkboxes("secnumcloud_19_6", ["yes"])),
      checkboxes("immune_to", laws),
      checkboxes("service_types", Offering.ServiceType.allCases.map(\.rawValue)),
      checkboxes("capabilities", capabilities),
      checkboxes("nice_to_have", capabilities),
      .p(select("unknown", Requirements.UnknownPolicy.allCases.map(\.rawValue)), .text(" "),
        select("evidence", EvidenceGrade.allCases.map(\.rawValue)), .text(" "), select("method", ["topsis", "weighted-sum"])),
      .element(named: "fieldset", nodes: [.element(named: "legend", nodes: [.text("criterion weights")])]
        + CriterionKind.allCases.map { input(RequirementsForm.weightField($0), size: 4) }),
      .element(named: "button", nodes: [
        .safeAttribute(named: "name", value: "run"), .safeAttribute(named: "value", value: "1"), .text("Rank"),
      ]),
    ])
  }

  func rankingSection(_ ranking: Ranking, permalink: String, report: String) -> HTMLNode {
    let rows = ranking.eligible.map { offering -> [HTMLNode] in
      [
        .text(offering.rank.map(String.init) ?? ""),
        .text(HTMLEscaping.text(offering.offeringName)), HTMLParts.localLink(offering.providerName, "/providers/\(offering.providerID)"),
        .text(offering.score.map { String(format: "%.3f", $0) } ?? ""),
        .text(offering.bounds.map { "[\(String(format: "%.3f", $0.worst)), \(String(format: "%.3f", $0.best))]" } ?? ""),
        .text(HTMLEscaping.text(offering.standing.rawValue)),
        .group(offering.criteria.map { HTMLParts.paragraph("\($0.term.criterion): \($0.explanation)") }),
      ]
    }
    let excluded = ranking.excluded.map { offering -> [HTMLNode] in
      [.text(HTMLEscaping.text(offering.offeringID)), .group(offering.reasons.map { HTMLParts.paragraph($0) })]
    }
    return HTMLParts.section(
      "Ranking", id: "ranking",
      [
        .p(.class("headline"), .strong(.text(HTMLEscaping.text("As of \(ranking.date): \(ranking.summary.headline)")))),
        .p(.text("Permalink (reproduces this ranking): "), HTMLParts.localLink(permalink, permalink)),
        .p(
          .text("Decision report: "), HTMLParts.localLink("HTML", report), .text(" · "),
          HTMLParts.localLink("PDF", report + "&format=pdf"), .text(" · "), HTMLParts.localLink("HTML (français)", report + "&lang=fr")),
        HTMLParts.table(
          headers: ["rank", "offering", "provider", "score", "bounds [worst, best]", "standing", "why"], rows: rows, numeric: [0, 3],
          caption: "\(ranking.eligible.count) offerings pass the gates (\(ranking.method.rawValue))"),
        HTMLParts.table(headers: ["excluded", "why"], rows: excluded, caption: "\(ranking.excluded.count) excluded"),
      ] + ranking.notes.map { HTMLParts.paragraph($0) })
  }
}

extension HTMLParts {
  /// A link within the server (the target is escaped; only paths starting with `/`).
  static func localLink(_ text: String, _ path: String) -> HTMLNode {
    guard path.hasPrefix("/") else { return .text(HTMLEscaping.text(text)) }
    return .element(named: "a", nodes: [.safeAttribute(named: "href", value: path), .text(HTMLEscaping.text(text))])
  }

  /// An `<option>` of a `<select>`.
  static func option(_ value: String, _ label: String, _ selected: Bool) -> HTMLNode {
    .element(named: "option", nodes: [
      .safeAttribute(named: "value", value: value), selected ? .attribute(named: "selected", value: "selected") : .empty,
      .text(HTMLEscaping.text(label)),
    ])
  }
}
