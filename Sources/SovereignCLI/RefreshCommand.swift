import ArgumentParser
import Foundation
import Sovereign

/// `sovereign refresh`: downloads the public certification lists, stores dated snapshots, and
/// reports what changed since the previous snapshot and against the catalog.
struct RefreshCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "refresh",
    abstract: "Download the public certification lists and report what changed.",
    discussion: """
      Sources (data/sources.yaml): hds (ANS list of certified health-data hosts), secnumcloud \
      (ANSSI catalogue, PDF read with pdftotext from poppler-utils), hds-transfer-mapping (each \
      provider's HDS requirement-31 page, URLs from the catalog). Snapshots are stored under \
      $SOVEREIGN_HOME (default: $XDG_DATA_HOME/sovereign or ~/.local/share/sovereign); an unchanged \
      list costs a 304. A document that cannot be fetched whole or parsed never replaces the \
      previous snapshot.

      List rows are matched to catalog offerings by legal-entity name after normalisation (case, \
      accents, punctuation and legal forms such as SAS ignored) or by the `aliases:` of the \
      catalog's entities; rows that match nothing are listed as "not in the catalog" with the \
      closest catalog names. A SecNumCloud row qualifies only the offering whose name, alias (or \
      ANSSI decision number) matches the row's service, never every offering of the provider; a \
      qualification the catalog records that the catalogue does not list, although its edition is \
      newer than every source of it and than its start, is taken as unknown (it may have ended or \
      been withdrawn), with a note. The HDS list names hosts, not offerings: it \
      updates the certificate details of offerings the catalog already records as certified, never \
      replaces an offering's known activities with the certificate's, and never makes another \
      offering certified. A transfer mapping's answers apply only to the offerings whose \
      hds_transparency.transfer_mapping_url is the page fetched; on a page with one table per \
      product, an offering takes only the table whose product is its name, and the answer \
      combines every actor of the table (any "yes" makes it yes, "no" needs every actor's no).

      --file PATH imports a copy downloaded by hand (behind a proxy, an archived edition) through \
      the same parser, store and diff; the snapshot records the file name and SHA-256 instead of \
      a URL; with --url URL, the address it was saved from is the facts' citation (for \
      hds-transfer-mapping, the page the catalog gives the offerings, whose answers it then feeds). \
      A transfer mapping page the catalog gives an offering is stored under its provider \
      (hds-transfer-mapping/PROVIDER), any other under hds-transfer-mapping/manual. For secnumcloud the file is the PDF (or its `pdftotext -layout` text, as .txt); for \
      hds, the ANS page or a CSV / JSON export of its list (docs/hds-list-export.md).

      A list's facts are dated by the edition the document states (the ANSSI catalogue's "mis à jour \
      le" on its cover; JSON `edition_date`), else by the day it is fetched; a document of an older \
      edition than the stored snapshot's never replaces it (exit 65).

      Exit codes: 0 done; 66 the --file copy is missing or unreadable; 65 a document cannot be parsed \
      (format changed, wrong content type) or is an older edition than the stored one; 69 a source is unreachable (the others are still processed); \
      74 a snapshot cannot be written (full disk, read-only store: the previous snapshot is kept); \
      75 another refresh is running on the same store (nothing was changed; run again later).
      """
  )

  @Argument(help: "Sources to refresh (default: all): hds, secnumcloud, hds-transfer-mapping.")
  var sources: [String] = []

  @Option(help: ArgumentHelp("Fetch from this URL instead of the listed ones (one source only); with --file, the address the copy was saved from.", valueName: "URL"))
  var url: String?

  @Option(
    help: ArgumentHelp(
      "Read a copy downloaded by hand instead of fetching (one source only): same parser, store and diff; the snapshot records the file name and SHA-256.",
      valueName: "PATH"))
  var file: String?

  @Option(help: "Output format: table or json.")
  var format: RefreshFormat = .table

  @OptionGroup var catalogOptions: CatalogOptions

  @Option(help: .hidden) var timeout: Double?

  func validate() throws {
    if url != nil && sources.count != 1 {
      throw ValidationError("--url needs exactly one source, e.g. `sovereign refresh hds --url https://...`")
    }
    if file != nil && sources.count != 1 {
      throw ValidationError("--file needs exactly one source, e.g. `sovereign refresh secnumcloud --file catalogue.pdf`")
    }
  }

  func run() throws {
    let list: SourceList
    do { list = try SourceList.bundled() } catch {
      Terminal.error(error.description)
      throw ExitCode(ExitStatus.invalidData)
    }
    let wanted = sources.isEmpty ? list.sources.map(\.id) : sources
    for id in wanted where list.source(id: id) == nil {
      Terminal.error("unknown source `\(id)`; known sources: \(list.sources.map(\.id).joined(separator: ", "))")
      throw ExitCode(ExitStatus.usage)
    }
    let catalog = loadCatalogQuietly()
    var limits = FetchLimits.standard
    if let timeout {
      limits.totalTimeout = timeout
      limits.connectTimeout = min(limits.connectTimeout, timeout)
      limits.lowSpeedSeconds = max(1, Int(timeout))
      limits.backoffSeconds = 0.05
    }
    let refresher = Refresher(
      client: .libcurl(limits: limits, version: SovereignVersion.current), store: SnapshotStore(root: SnapshotStore.defaultRoot()))
    // A file-size limit (ulimit -f) must fail the write (exit 74), not kill the process.
    signal(SIGXFSZ, SIG_IGN)
    let lock: RefreshLock
    do { lock = try RefreshLock.acquire(refresher.store) } catch {
      Terminal.error(error.description)
      if case .busy = error { throw ExitCode(ExitStatus.busy) }
      throw ExitCode(ExitStatus.outputError)
    }
    defer { lock.release() }

    var reports: [RefreshReport] = []
    for id in wanted {
      let source = list.source(id: id)!
      for (key, urls) in targets(source, catalog: catalog) {
        if Terminal.isErrorInteractive { Terminal.progress("refreshing \(key) from \(file ?? urls.first ?? "?") ...") }
        let outcome =
          file.map { refresher.refresh(source, file: URL(fileURLWithPath: $0), key: key, copyOf: url) }
          ?? refresher.refresh(source, urls: urls, key: key)
        var report = RefreshReport(outcome)
        if outcome.status == .updated, let catalog, let snapshot = try? refresher.store.latest(source: key) {
          report.catalogFindings = CatalogComparison.compare(
            snapshot.entries, parser: source.parser, catalog: catalog
          ).map(\.description)
        }
        reports.append(report)
      }
      if source.urlsFromCatalog && url == nil && file == nil && targets(source, catalog: catalog).isEmpty {
        Terminal.warning("\(id): no offering of the catalog has a transfer mapping URL; nothing to fetch")
      }
    }
    switch format {
    case .json: Terminal.write(try JSONOutput.encode(reports))
    case .table: Terminal.write(reports.map(\.text).joined(separator: "\n"))
    }
    let failures = reports.compactMap(\.failureKind)
    if failures.contains("missing-file") { throw ExitCode(ExitStatus.inputNotFound) }
    if failures.contains("unparsable") || failures.contains("older-edition") { throw ExitCode(ExitStatus.invalidData) }
    if failures.contains("unreachable") { throw ExitCode(ExitStatus.remoteUnavailable) }
    if failures.contains("store") { throw ExitCode(ExitStatus.outputError) }
  }

  /// (store key, URLs) pairs for a source.
  func targets(_ source: SourceDefinition, catalog: Catalog?) -> [(String, [String])] {
    if let manual = file ?? url {
      guard source.urlsFromCatalog else { return [(source.id, [manual])] }
      // A page the catalog gives an offering is stored under its provider's key, as `refresh`
      // alone stores it, so that the pages of several providers do not replace one another.
      if let url, let provider = catalog?.providers.first(where: { provider in
        provider.offerings.contains { $0.hdsTransparency?.transferMappingURL.value == url }
      }) {
        return [(source.id + "/" + provider.id, [manual])]
      }
      return [(source.id + "/manual", [manual])]
    }
    guard source.urlsFromCatalog else { return [(source.id, source.urls)] }
    var byProvider: [String: [String]] = [:]
    for provider in catalog?.providers ?? [] {
      for offering in provider.offerings {
        if let page = offering.hdsTransparency?.transferMappingURL.value, !(byProvider[provider.id] ?? []).contains(page) {
          byProvider[provider.id, default: []].append(page)
        }
      }
    }
    return byProvider.sorted { $0.key < $1.key }.map { (source.id + "/" + $0.key, $0.value) }
  }

  func loadCatalogQuietly() -> Catalog? {
    do {
      if let directory = catalogOptions.catalog { return try CatalogLoader.load(directory: URL(fileURLWithPath: directory)) }
      return try Catalog.bundled()
    } catch {
      Terminal.warning("the catalog could not be loaded, so lists are not compared with it (run `sovereign validate`)")
      return nil
    }
  }
}

/// Output formats of `refresh` and `diff`.
enum RefreshFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json
}

/// The printed outcome of one refreshed source.
struct RefreshReport: Encodable {
  var source: String
  var status: String
  var url: String?
  var fetchedAt: String?
  /// The date the document says it was last updated, when it states one.
  var editionDate: String?
  var entries: Int?
  var firstSnapshot: Bool
  var changes: [Change]
  var catalogFindings: [String] = []
  var error: String?
  var failureKind: String?

  init(_ outcome: RefreshOutcome) {
    source = outcome.source
    status = outcome.status.rawValue
    url = outcome.snapshot?.url
    fetchedAt = outcome.snapshot?.fetchedAt
    editionDate = outcome.snapshot?.editionDate
    entries = outcome.snapshot?.entryCount
    firstSnapshot = outcome.isFirstSnapshot
    changes = outcome.changes
    error = outcome.failure?.description
    switch outcome.failure {
    case .unreachable: failureKind = "unreachable"
    case .unparsable: failureKind = "unparsable"
    case .store: failureKind = "store"
    case .missingFile: failureKind = "missing-file"
    case .olderEdition: failureKind = "older-edition"
    case nil: failureKind = nil
    }
  }

  var text: String {
    var lines: [String] = []
    switch status {
    case "updated":
      let edition = editionDate.map { "; the document's edition: \($0)" } ?? ""
      lines.append("\(source): updated, \(entries ?? 0) entries (fetched \(fetchedAt ?? "?") from \(url ?? "?")\(edition))")
      if firstSnapshot { lines.append("  first snapshot of this source") }
    case "unchanged":
      lines.append("\(source): unchanged since \(fetchedAt ?? "the last snapshot") (\(entries ?? 0) entries)")
    default:
      lines.append("\(source): FAILED: \(error ?? "unknown error")")
      if fetchedAt != nil { lines.append("  the previous snapshot (\(fetchedAt!)) is kept") }
    }
    let listed = changes.filter { $0.kind != .expired && $0.kind != .expiringSoon }
    if status != "failed" && listed.isEmpty && !firstSnapshot { lines.append("  no change since the previous snapshot") }
    lines += changes.map { "  " + $0.description }
    if !catalogFindings.isEmpty {
      lines.append("  against the catalog:")
      lines += catalogFindings.map { "    " + $0 }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  enum CodingKeys: String, CodingKey {
    case source, status, url, entries, changes, error
    case fetchedAt = "fetched_at"
    case editionDate = "edition_date"
    case firstSnapshot = "first_snapshot"
    case catalogFindings = "catalog_findings"
  }
}

extension Terminal {
  /// True when standard error is a terminal (progress lines are shown only then).
  static var isErrorInteractive: Bool { isatty(STDERR_FILENO) != 0 }

  /// A progress line on standard error.
  static func progress(_ message: String) {
    Terminal.writeError(message + "\n")
  }
}
