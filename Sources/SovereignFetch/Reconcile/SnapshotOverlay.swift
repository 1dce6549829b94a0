import Foundation
import SovereignCatalog

/// The catalog with the newest snapshot facts laid over the bundled ones.
public struct OverlaidCatalog: Sendable {
  /// The catalog whose offerings carry snapshot facts where a list row matched.
  public var catalog: Catalog
  /// Per offering id: which facts came from which snapshot (shown by `rank` and `show`).
  public var notes: [String: [String]]
  /// Per source key: rows that matched no offering.
  public var unmatched: [String: [CertificationRecord]]
}

/// Applies stored snapshots to a catalog (pure: the snapshots are passed in).
///
/// - HDS list: the list names hosts, not offerings. A row concerns the offerings contracted with
///   its holder (an operator's certificate is not the offering's), and of a holder's several rows
///   only the one with the catalog's certificate number (``hdsRowsByOffering``). For an offering
///   the catalog already records as `certified`, referential, body, certificate and end of validity come from the row (a
///   field the row does not state keeps the bundled value); the row's activities fill the
///   offering's only when unknown and the host has a single offering in the catalog, and never
///   replace known ones. Other offerings of the host get a note, never a certification.
/// - SecNumCloud catalogue: the offering matched by the row's service name (or decision number)
///   becomes `qualified` with the row's dates, decision and service type; a service matched only
///   by shared words updates a qualification the catalog records and qualifies nothing else. A row naming no service
///   qualifies no offering: the offerings of its holder get a note instead.
/// - Transfer mappings: the offerings of the host (matched by a row whose role is "host" /
///   "hébergeur" or not stated) whose `transfer_mapping_url` is the page fetched take requirement
///   29/30 answers (other offerings of the host get a note). When the page has one table per
///   product, an offering takes only the tables whose product names it (``TransferMappingAnswers``);
///   the answer combines every actor of those tables (host and processors).
///
/// Each such fact's source is the list: its URL, titled with the publisher, `as_of` the date of the
/// document's edition when it states one (ANSSI's catalogue), else the fetch date.
public enum SnapshotOverlay {
  public static func apply(
    to catalog: Catalog, snapshots: [Snapshot], sources: SourceList
  ) -> OverlaidCatalog {
    var result = OverlaidCatalog(catalog: catalog, notes: [:], unmatched: [:])
    let reconciler = Reconciler(catalog: catalog)
    for snapshot in snapshots {
      let key = snapshot.metadata.source
      let sourceID = String(key.split(separator: "/").first ?? "")
      guard let definition = sources.source(id: sourceID), let date = snapshot.metadata.fetchDate,
        let asOf = snapshot.metadata.factsDate
      else { continue }
      // The facts are as of the document's edition when it states one (a copy imported today of
      // an edition of last year says what was true last year), else as of the fetch.
      let edition = snapshot.metadata.editionDay.map { ", edition of \($0)" } ?? ""
      let provenance = Provenance([
        Source(
          id: "snapshot-\(key.replacingOccurrences(of: "/", with: "-"))", url: snapshot.metadata.requestedURL,
          title: "\(definition.publisher): list fetched on \(date) by sovereign refresh\(edition)", asOf: asOf,
          kind: definition.parser.sourceKind)
      ])
      let reconciliation = reconciler.reconcile(snapshot.entries)
      if !reconciliation.unmatched.isEmpty { result.unmatched[key] = reconciliation.unmatched }
      if definition.parser == .hdsTransferMapping {
        applyTransferMapping(snapshot, matches: reconciliation.matches, provenance: provenance, date: date, to: &result)
        continue
      }
      let hdsRows =
        definition.parser == .hdsList
        ? hdsRowsByOffering(reconciliation.matches, catalog: result.catalog, reconciler: reconciler, publisher: definition.publisher, date: date)
        : (chosen: [:], notes: [:])
      for (offeringID, note) in hdsRows.notes.sorted(by: { $0.key < $1.key }) { result.notes[offeringID, default: []].append(note) }
      for match in reconciliation.matches {
        for offeringID in match.offeringIDs {
          if definition.parser == .hdsList && hdsRows.chosen[offeringID] != match { continue }
          update(&result.catalog, offeringID: offeringID) { offering in
            switch definition.parser {
            case .hdsList:
              // The ANS list names hosts, not offerings: a certificate covers a perimeter (some
              // services, some regions). Only offerings the catalog already records as certified
              // get the list's details; others get a note, never a "certified" they may not have.
              guard var hds = offering.certifications.hds, hds.status == .certified else {
                return offering.certifications.hds?.status == .notCertified
                  ? nil
                  : "the provider appears on \(definition.publisher)'s HDS list fetched \(date), but the list does not say whether this offering is in the certificate's scope: its HDS status is left as in the catalog"
              }
              let bundledSources = hds.provenance.sources
              // Activities are the whole certificate's, not necessarily this offering's: they never
              // replace activities the catalog knows for the offering (a difference is shown in the
              // note and reported by `refresh` for review). They fill unknown activities only when
              // the host has a single offering in the catalog.
              var activitiesNote = ""
              if let value = match.record.activities {
                if hds.activities.value == nil && match.offeringIDs.count == 1 {
                  hds.activities = .known(value)
                } else if let own = hds.activities.value, own != value {
                  activitiesNote = "; the host's certificate lists activities \(value.map(String.init).joined(separator: ", ")), the catalog keeps this offering's own (\(own.map(String.init).joined(separator: ", ")))"
                }
              }
              if let value = match.record.referential { hds.referential = .known(value) }
              if let value = match.record.body { hds.body = .known(value) }
              if let value = match.record.identifier { hds.certificate = .known(value) }
              if let value = match.record.validUntil { hds.validUntil = .known(value) }
              // Fields the row does not state keep their bundled values and sources.
              hds.provenance = Provenance(provenance.sources + bundledSources)
              offering.certifications.hds = hds
              return "HDS certification from \(definition.publisher)'s list fetched \(date) (\(snapshot.metadata.requestedURL))\(activitiesNote)"
            case .secNumCloudCatalogue:
              // A qualification covers one named service: without the name, no offering is made qualified.
              guard match.record.service != nil, match.offeringIDs.count == 1 else {
                return offering.certifications.secNumCloud?.status == .qualified
                  ? nil
                  : "the provider appears in \(definition.publisher)'s SecNumCloud catalogue fetched \(date) without a service name this offering can be matched to: its SecNumCloud status is left as in the catalog"
              }
              // A service matched only by shared words may be another one (a "- SecNumCloud"
              // variant beside the plain offering): it updates a qualification the catalog records,
              // never makes an offering qualified.
              guard match.serviceMatchedExactly || offering.certifications.secNumCloud?.status == .qualified else {
                return "\(definition.publisher)'s SecNumCloud catalogue fetched \(date) lists a service whose name only resembles this offering's (\(match.record.service ?? "")): its SecNumCloud status is left as in the catalog; add the service's name as an alias of the offering if it is this one"
              }
              var qualification = offering.certifications.secNumCloud ?? SecNumCloudQualification(status: .qualified)
              let bundledSources = qualification.provenance.sources
              qualification.status = .qualified
              if let value = match.record.validFrom { qualification.qualifiedOn = .known(value) }
              if let value = match.record.validUntil { qualification.validUntil = .known(value) }
              if let value = match.record.identifier { qualification.decision = .known(value) }
              if let value = match.record.serviceTypes?.first, match.record.serviceTypes?.count == 1 { qualification.serviceType = .known(value) }
              // Fields the row does not state (the referential) keep their bundled values and sources.
              qualification.provenance = Provenance(provenance.sources + bundledSources)
              offering.certifications.secNumCloud = qualification
              return "SecNumCloud qualification from \(definition.publisher)'s catalogue fetched \(date) (\(snapshot.metadata.requestedURL))"
            case .hdsTransferMapping:
              return nil  // applied per offering by applyTransferMapping
            }
          } note: { note in
            result.notes[offeringID, default: []].append(note)
          }
        }
      }
      // Absence counts only against the document's own date: a snapshot without one (stored
      // before editions were read) may be an old edition fetched or imported later.
      if definition.parser == .secNumCloudCatalogue, let edition = snapshot.metadata.editionDay {
        let listed = Set(reconciliation.matches.flatMap(\.offeringIDs))
        absentQualifications(from: &result, listed: listed, edition: edition, provenance: provenance, publisher: definition.publisher)
      }
    }
    return result
  }

  /// A qualification the catalog records that ANSSI's catalogue does not list, although the
  /// catalogue's edition (the date it states) is newer than every source of the qualification and
  /// than its start: it may have been withdrawn or have ended, so it is no longer known to hold
  /// (status `unknown`, with a note and both sources). A qualification newer than the edition, or read from a source
  /// newer than it, is not expected in it and is left as it is; so is an offering a row matched,
  /// even only by words its service's name shares with the offering's.
  static func absentQualifications(
    from result: inout OverlaidCatalog, listed: Set<String>, edition: CalendarDate, provenance: Provenance, publisher: String
  ) {
    for provider in result.catalog.providers {
      for offering in provider.offerings where !listed.contains(offering.id) {
        guard let qualification = offering.certifications.secNumCloud, qualification.status == .qualified,
          !qualification.provenance.sources.isEmpty,
          qualification.provenance.sources.allSatisfy({ $0.asOf < edition }),
          (qualification.qualifiedOn.value.map { $0 < edition } ?? true)
        else { continue }
        update(&result.catalog, offeringID: offering.id) { offering in
          var doubted = qualification
          doubted.status = .unknown
          doubted.provenance = Provenance(provenance.sources + qualification.provenance.sources)
          offering.certifications.secNumCloud = doubted
          return "the catalog records a SecNumCloud qualification, but \(publisher)'s catalogue of \(edition), newer than its sources, does not list this offering: the qualification may have ended or been withdrawn, so its status is unknown until a newer source confirms it"
        } note: { note in
          result.notes[offering.id, default: []].append(note)
        }
      }
    }
  }

  /// Per offering, the one row of an HDS list that concerns it, and why the others get none.
  ///
  /// A row concerns the offerings whose contracting entity is its holder: a certificate of an
  /// operator (the hosting under a PaaS) is the operator's, not the contracting entity's. When the
  /// holder has several rows (one per certificate), the row whose certificate number is the
  /// catalog's is chosen; without it the list does not say which certificate covers the offering,
  /// and none is applied (a later row must not replace an earlier one's dates and number).
  static func hdsRowsByOffering(
    _ matches: [Reconciler.Match], catalog: Catalog, reconciler: Reconciler, publisher: String, date: CalendarDate
  ) -> (chosen: [String: Reconciler.Match], notes: [String: String]) {
    let offerings = Dictionary(catalog.offerings.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var own: [String: [Reconciler.Match]] = [:]
    var operated: [String: [Reconciler.Match]] = [:]
    for match in matches {
      let holders = reconciler.entities(matching: match.record.holder)
      for id in match.offeringIDs {
        guard let offering = offerings[id] else { continue }
        if holders.contains(offering.contractingEntity) {
          own[id, default: []].append(match)
        } else {
          operated[id, default: []].append(match)
        }
      }
    }
    func numbers(_ rows: [Reconciler.Match]) -> String {
      rows.map { $0.record.identifier ?? "without number" }.joined(separator: ", ")
    }
    var chosen: [String: Reconciler.Match] = [:]
    var notes: [String: String] = [:]
    for (id, rows) in own {
      if rows.count == 1 {
        chosen[id] = rows[0]
      } else if let number = offerings[id]?.certifications.hds?.certificate.value,
        let row = rows.first(where: { $0.record.identifier.map(NameNormalizer.normalize) == NameNormalizer.normalize(number) })
      {
        chosen[id] = row
      } else {
        notes[id] =
          "\(publisher)'s HDS list fetched \(date) shows \(rows.count) certificates for the host (\(numbers(rows))) and does not say which covers this offering: its HDS details are left as in the catalog"
      }
    }
    for (id, rows) in operated where own[id] == nil {
      let (listed, which) = rows.count == 1 ? ("certificate", "that certificate is") : ("certificates", "those certificates are")
      notes[id] =
        "an operator of this offering (\(rows[0].record.holder)) is on \(publisher)'s HDS list fetched \(date) (\(listed) \(numbers(rows))): \(which) the operator's, not the contracting entity's; the offering's HDS status is left as in the catalog"
    }
    return (chosen, notes)
  }

  /// Transfer mapping answers, once per offering of the host (see the type's documentation).
  static func applyTransferMapping(
    _ snapshot: Snapshot, matches: [Reconciler.Match], provenance: Provenance, date: CalendarDate, to result: inout OverlaidCatalog
  ) {
    let url = snapshot.metadata.requestedURL
    var offeringIDs: [String] = []
    for match in matches {
      let role = NameNormalizer.fold(match.record.role ?? "")
      guard role.isEmpty || role.hasPrefix("host") || role.hasPrefix("hebergeur") else { continue }
      for id in match.offeringIDs where !offeringIDs.contains(id) { offeringIDs.append(id) }
    }
    for offeringID in offeringIDs {
      update(&result.catalog, offeringID: offeringID) { offering in
        // A mapping page answers for the HDS service it documents: only offerings the catalog
        // gives that page to (`transfer_mapping_url`) take its answers.
        guard offering.hdsTransparency?.transferMappingURL.value == url else {
          return "the transfer mapping fetched \(date) (\(url)) names this offering's host, but the catalog does not give it as this offering's mapping page (hds_transparency.transfer_mapping_url): its answers are not applied"
        }
        let (rows, products) = TransferMappingAnswers.rows(of: snapshot.entries, forOfferingNamed: [offering.name] + offering.aliases)
        guard !rows.isEmpty else {
          return "the transfer mapping fetched \(date) (\(url)) has one table per product and none names this offering (by its name or aliases): its answers are not applied"
        }
        var transparency = offering.hdsTransparency ?? HDSTransparency()
        if let value = TransferMappingAnswers.combined(rows.map(\.nonEEAAccess)) { transparency.nonEEAAccess = value }
        if let value = TransferMappingAnswers.combined(rows.map(\.thirdCountryLawRisk)) { transparency.thirdCountryLawRisk = value }
        transparency.transferMappingURL = .known(url)
        transparency.provenance = provenance
        offering.hdsTransparency = transparency
        let tables = products.isEmpty ? "" : " (table\(products.count > 1 ? "s" : "") " + products.map { "\"\($0)\"" }.joined(separator: ", ") + ")"
        return "HDS transfer mapping (requirements 29-30) from the page fetched \(date) (\(url))\(tables), " + (rows.count == 1 ? "its one actor" : "all \(rows.count) actors combined")
      } note: { note in
        result.notes[offeringID, default: []].append(note)
      }
    }
  }

  /// Applies `change` to the offering with `offeringID`; `change` returns a note, or nil to skip.
  static func update(_ catalog: inout Catalog, offeringID: String, _ change: (inout Offering) -> String?, note: (String) -> Void) {
    for p in catalog.providers.indices {
      for o in catalog.providers[p].offerings.indices where catalog.providers[p].offerings[o].id == offeringID {
        var offering = catalog.providers[p].offerings[o]
        if let text = change(&offering) {
          catalog.providers[p].offerings[o] = offering
          note(text)
        }
      }
    }
  }
}

extension SnapshotOverlay {
  /// Applies the newest valid snapshot of every stored source to `catalog`.
  /// Damaged snapshots are skipped (their problems are returned) and never applied.
  public static func applyLatest(
    to catalog: Catalog, store: SnapshotStore, sources: SourceList
  ) -> (overlaid: OverlaidCatalog, problems: [StoreError]) {
    var snapshots: [Snapshot] = []
    var problems: [StoreError] = []
    for key in store.sources() {
      do { if let snapshot = try store.latest(source: key) { snapshots.append(snapshot) } } catch { problems.append(error) }
    }
    return (apply(to: catalog, snapshots: snapshots, sources: sources), problems)
  }
}
