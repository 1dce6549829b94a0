import Foundation
import SovereignCatalog

/// What is known about one stored download.
public struct SnapshotMetadata: Sendable, Hashable, Codable {
  /// Source id (`hds`, `secnumcloud`, `hds-transfer-mapping/<provider>`).
  public var source: String
  /// The URL asked for.
  public var requestedURL: String
  /// The URL that answered, after redirects.
  public var url: String
  /// When the download finished, ISO 8601 UTC (`2026-05-10T12:00:00.123Z`).
  public var fetchedAt: String
  public var httpStatus: Int
  public var etag: String?
  public var lastModified: String?
  public var contentType: String?
  /// SHA-256 of the raw bytes, hex.
  public var sha256: String
  /// Parser name and version that produced the entries.
  public var parser: String
  public var parserVersion: Int
  public var entryCount: Int
  /// The file name when the snapshot was imported from a local copy (`refresh --file`) rather
  /// than downloaded; then ``requestedURL`` and ``url`` are `file:NAME` and ``sha256`` identifies
  /// the copy. Absent in snapshots of downloads (and in snapshots stored before this field).
  public var fileName: String?
  /// The date the document says it was last updated (`yyyy-mm-dd`; ANSSI's catalogue: "Catalogue
  /// mis à jour le …"), when it states one: its facts are as of that day, whenever it was fetched
  /// or imported. Absent when the document states none (and in snapshots stored before this field).
  public var editionDate: String?

  public init(
    source: String, requestedURL: String, url: String, fetchedAt: String, httpStatus: Int, etag: String?, lastModified: String?,
    contentType: String?, sha256: String, parser: String, parserVersion: Int, entryCount: Int, fileName: String? = nil,
    editionDate: String? = nil
  ) {
    self.source = source
    self.requestedURL = requestedURL
    self.url = url
    self.fetchedAt = fetchedAt
    self.httpStatus = httpStatus
    self.etag = etag
    self.lastModified = lastModified
    self.contentType = contentType
    self.sha256 = sha256
    self.parser = parser
    self.parserVersion = parserVersion
    self.entryCount = entryCount
    self.fileName = fileName
    self.editionDate = editionDate
  }

  /// The day of the download (UTC).
  public var fetchDate: CalendarDate? { CalendarDate(iso: String(fetchedAt.prefix(10))) }

  /// The day the document says it was last updated, if it says.
  public var editionDay: CalendarDate? { editionDate.flatMap(CalendarDate.init(iso:)) }

  /// The day the document's facts are as of: its edition's when it states one, else the day it
  /// was fetched (a list published on the web is taken as current when fetched).
  public var factsDate: CalendarDate? { editionDay ?? fetchDate }

  /// `fetchedAt` for a moment.
  public static func timestamp(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }
}

/// A stored snapshot: its id (the directory name, sortable by time), metadata and entries.
public struct Snapshot: Sendable, Hashable {
  public var id: String
  public var metadata: SnapshotMetadata
  public var entries: [CertificationRecord]
}
