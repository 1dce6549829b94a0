import Foundation
import SovereignCatalog

/// Fetches a source, parses it, checks it against the previous snapshot and stores it.
///
/// The previous snapshot is never replaced by a document that cannot be fetched whole, cannot be
/// parsed, or lost rows (``FormatGuard``).
public struct Refresher: Sendable {
  public var client: HTTPClient
  public var store: SnapshotStore
  /// PDF to text (``PDFText/extract(_:timeout:executable:)`` in production).
  public var extractPDF: @Sendable ([UInt8]) throws(ParseError) -> String
  /// The clock (tests fix it).
  public var now: @Sendable () -> Date

  public init(
    client: HTTPClient, store: SnapshotStore,
    extractPDF: @escaping @Sendable ([UInt8]) throws(ParseError) -> String = { (bytes) throws(ParseError) -> String in try PDFText.extract(bytes) },
    now: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.client = client
    self.store = store
    self.extractPDF = extractPDF
    self.now = now
  }

  /// Refreshes `source` from `urls` (tried in order), storing under `key`.
  public func refresh(_ source: SourceDefinition, urls: [String], key: String) -> RefreshOutcome {
    let previous = try? store.latest(source: key)
    var outcome = RefreshOutcome(source: key, status: .failed, snapshot: previous?.metadata)
    let today = CalendarDate(dayNumber: Int((now().timeIntervalSince1970 / 86_400).rounded(.down)))
    var errors: [FetchError] = []
    var answer: (url: String, response: HTTPResponse)? = nil
    for url in urls {
      var request = HTTPRequest(url: url)
      if let previous, previous.metadata.requestedURL == url {
        request.ifNoneMatch = previous.metadata.etag
        request.ifModifiedSince = previous.metadata.etag == nil ? previous.metadata.lastModified : nil
      }
      do {
        answer = (url, try client.get(request))
        break
      } catch {
        errors.append(error)
      }
    }
    guard let (requestedURL, response) = answer else {
      outcome.failure = .unreachable(errors)
      return outcome
    }
    if response.isNotModified {
      outcome.status = .unchanged
      outcome.changes = SnapshotDiff.expiry(previous?.entries ?? [], today: today)
      return outcome
    }
    if let type = response.mediaType, !source.contentTypes.isEmpty, !source.contentTypes.contains(type) {
      outcome.failure = .unparsable(.unexpectedContentType(found: type, expected: source.contentTypes))
      return outcome
    }
    let digest = SHA256.hex(response.body)
    if let previous, previous.metadata.sha256 == digest, previous.metadata.parserVersion == source.parser.version {
      outcome.status = .unchanged
      outcome.changes = SnapshotDiff.expiry(previous.entries, today: today)
      return outcome
    }
    let document: ParsedDocument
    switch accepted(response.body, source: source, previous: previous, charset: response.charset, mediaType: response.mediaType) {
    case .success(let parsed): document = parsed
    case .failure(let failure):
      outcome.failure = failure
      return outcome
    }
    let metadata = SnapshotMetadata(
      source: key, requestedURL: requestedURL, url: response.url, fetchedAt: SnapshotMetadata.timestamp(now()),
      httpStatus: response.status, etag: response.etag, lastModified: response.lastModified,
      contentType: response.headers["content-type"], sha256: digest, parser: source.parser.rawValue,
      parserVersion: source.parser.version, entryCount: document.entries.count, editionDate: document.editionDate.map { "\($0)" })
    return store(document.entries, raw: response.body, metadata: metadata, previous: previous, today: today, outcome: outcome)
  }

  /// Imports a copy of `source`'s document downloaded by hand (`refresh SOURCE --file PATH`):
  /// the same parser, format guard, store and diff as a download. The snapshot records the file's
  /// name and SHA-256 instead of a URL. An identical copy already stored (same bytes, same parser
  /// version) is reported unchanged. `copyOf`: the address the copy was saved from, recorded as the
  /// snapshot's requested URL (the facts' citation; a transfer mapping applies to the offerings the
  /// catalog gives that page); nil: `file:NAME`.
  public func refresh(_ source: SourceDefinition, file: URL, key: String, copyOf: String? = nil) -> RefreshOutcome {
    let previous = try? store.latest(source: key)
    var outcome = RefreshOutcome(source: key, status: .failed, snapshot: previous?.metadata)
    let today = CalendarDate(dayNumber: Int((now().timeIntervalSince1970 / 86_400).rounded(.down)))
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
      outcome.failure = .missingFile(path: file.path, reason: isDirectory.boolValue ? "it is a directory" : "no such file")
      return outcome
    }
    let bytes: [UInt8]
    do { bytes = Array(try Data(contentsOf: file)) } catch {
      outcome.failure = .missingFile(path: file.path, reason: error.localizedDescription)
      return outcome
    }
    let digest = SHA256.hex(bytes)
    if let previous, previous.metadata.sha256 == digest, previous.metadata.parserVersion == source.parser.version {
      outcome.status = .unchanged
      outcome.changes = SnapshotDiff.expiry(previous.entries, today: today)
      return outcome
    }
    let name = file.lastPathComponent
    let document: ParsedDocument
    switch accepted(bytes, source: source, previous: previous, fileName: name) {
    case .success(let parsed): document = parsed
    case .failure(let failure):
      outcome.failure = failure
      return outcome
    }
    let metadata = SnapshotMetadata(
      source: key, requestedURL: copyOf ?? "file:" + name, url: "file:" + name, fetchedAt: SnapshotMetadata.timestamp(now()),
      httpStatus: 0, etag: nil, lastModified: nil, contentType: nil, sha256: digest, parser: source.parser.rawValue,
      parserVersion: source.parser.version, entryCount: document.entries.count, fileName: name,
      editionDate: document.editionDate.map { "\($0)" })
    return store(document.entries, raw: bytes, metadata: metadata, previous: previous, today: today, outcome: outcome)
  }

  /// Stores a parsed document and reports its differences with `previous`.
  func store(
    _ entries: [CertificationRecord], raw: [UInt8], metadata: SnapshotMetadata, previous: Snapshot?, today: CalendarDate,
    outcome: RefreshOutcome
  ) -> RefreshOutcome {
    var outcome = outcome
    do {
      try store.write(raw: raw, entries: entries, metadata: metadata)
    } catch {
      outcome.failure = .store(error)
      return outcome
    }
    outcome.status = .updated
    outcome.snapshot = metadata
    outcome.isFirstSnapshot = previous == nil
    outcome.changes =
      previous.map { SnapshotDiff.compare(old: $0.entries, new: entries, today: today) }
      ?? SnapshotDiff.expiry(entries, today: today)
    return outcome
  }

  /// Turns downloaded bytes into rows with the source's parser (pure apart from PDF extraction).
  /// `mediaType` and `fileName` (a file imported by hand with `refresh --file`) are hints for
  /// sources that accept several formats: the `hds` source reads the ANS page or a CSV / JSON
  /// export of its list (``HDSListDocument``); `secnumcloud` reads an imported `.txt` as text.
  public static func parse(
    _ bytes: [UInt8], charset: String?, parser: SourceDefinition.Parser,
    mediaType: String? = nil, fileName: String? = nil,
    extractPDF: ([UInt8]) throws(ParseError) -> String
  ) throws(ParseError) -> [CertificationRecord] {
    try parseDocument(bytes, charset: charset, parser: parser, mediaType: mediaType, fileName: fileName, extractPDF: extractPDF).entries
  }

  /// A parsed document: its rows, and the date it says it was last updated, if it says.
  public struct ParsedDocument: Sendable {
    public var entries: [CertificationRecord]
    public var editionDate: CalendarDate?
  }

  /// Parses a document with `parser`, and reads the date of its edition where its format states one
  /// (ANSSI's catalogue; the HDS list and the transfer mapping pages have no such date in their parsers).
  public static func parseDocument(
    _ bytes: [UInt8], charset: String?, parser: SourceDefinition.Parser,
    mediaType: String? = nil, fileName: String? = nil,
    extractPDF: ([UInt8]) throws(ParseError) -> String
  ) throws(ParseError) -> ParsedDocument {
    func text() throws(ParseError) -> String {
      if let charset, ["iso-8859-1", "latin1", "iso-8859-15", "windows-1252"].contains(charset) { return UTF8Text.latin1(bytes) }
      return try UTF8Text.decode(bytes)
    }
    switch parser {
    case .hdsList: return ParsedDocument(entries: try HDSListDocument.parse(text: text(), mediaType: mediaType, fileName: fileName))
    case .hdsTransferMapping: return ParsedDocument(entries: try TransferMappingParser.parse(text: text()))
    case .secNumCloudCatalogue:
      // An imported `.txt` is the catalogue's text already extracted with `pdftotext -layout`.
      let isText = fileName.map { $0.lowercased().hasSuffix(".txt") } ?? false
      let layout = isText && !bytes.starts(with: Array("%PDF-".utf8)) ? try text() : try extractPDF(bytes)
      return ParsedDocument(
        entries: try SecNumCloudCatalogueParser.parse(text: layout), editionDate: SecNumCloudCatalogueParser.editionDate(text: layout))
    }
  }

  /// A downloaded or imported document parsed, if it may replace `previous`: it parses, loses no
  /// rows (``FormatGuard``), and is not an older edition than the stored one (an old copy imported
  /// by hand, or an old file a server still answers with, must not make facts that have since
  /// changed look current).
  func accepted(
    _ bytes: [UInt8], source: SourceDefinition, previous: Snapshot?, charset: String? = nil, mediaType: String? = nil,
    fileName: String? = nil
  ) -> Result<ParsedDocument, RefreshFailure> {
    let document: ParsedDocument
    do {
      document = try Self.parseDocument(
        bytes, charset: charset, parser: source.parser, mediaType: mediaType, fileName: fileName, extractPDF: extractPDF)
      try FormatGuard.check(source: source.id, newCount: document.entries.count, previousCount: previous?.entries.count)
    } catch {
      return .failure(.unparsable(error))
    }
    if let found = document.editionDate, let stored = previous?.metadata.editionDay, found < stored {
      return .failure(.olderEdition(found: found, stored: stored))
    }
    return .success(document)
  }
}
