/// "Did you mean ...?" suggestions: a known alias first (`k8s` → `kubernetes`), then candidates
/// the word is a prefix or a part of (`postgres` → `managed-postgresql`), then by edit distance.
public enum Suggestions {
  /// Common names and abbreviations of catalog ids (capabilities, service types, laws): the word a
  /// user types, and the id it usually means. A vocabulary of usage, not facts: no source needed.
  public static let aliases: [String: [String]] = [
    "k8s": ["kubernetes"], "kube": ["kubernetes"], "aks": ["kubernetes"], "eks": ["kubernetes"], "gke": ["kubernetes"],
    "postgres": ["managed-postgresql"], "postgresql": ["managed-postgresql"], "pg": ["managed-postgresql"],
    "mysql": ["managed-mysql"], "mariadb": ["managed-mysql"], "mongo": ["managed-mongodb"], "mongodb": ["managed-mongodb"],
    "redis": ["managed-redis"], "valkey": ["managed-redis"], "elasticsearch": ["managed-elasticsearch"],
    "opensearch": ["managed-elasticsearch"], "kafka": ["managed-kafka"], "s3": ["object-storage"],
    "objects": ["object-storage"], "vms": ["vm"], "compute": ["vm"], "faas": ["serverless-functions"],
    "lambda": ["serverless-functions"], "functions": ["serverless-functions"], "vpc": ["private-network"],
    "lb": ["load-balancer"], "vmware": ["private-cloud-vmware"], "openstack": ["private-cloud-openstack"],
    "baremetal": ["bare-metal"], "dedicated": ["bare-metal"], "logs": ["logs-monitoring"], "monitoring": ["logs-monitoring"],
    "cloud-act": ["us-cloud-act"], "cloudact": ["us-cloud-act"], "fisa": ["us-fisa-702"], "fisa-702": ["us-fisa-702"],
    "ipa": ["uk-investigatory-powers-act"], "snc": ["secnumcloud"],
  ]

  /// The candidates closest to `word` (at most `limit`), nearest first: the aliases of the word
  /// that are candidates, else the candidates it starts or is part of (words of 3 characters or
  /// more), else those within an edit distance that grows with the word's length; empty when
  /// nothing is close.
  public static func closest(to word: String, in candidates: some Sequence<String>, limit: Int = 3)
    -> [String]
  {
    let lowered = word.lowercased()
    let candidates = Array(candidates)
    let aliased = (aliases[lowered] ?? []).filter { candidates.contains($0) }
    if !aliased.isEmpty { return Array(aliased.prefix(limit)) }
    if lowered.count >= 3 {
      let prefixed = candidates.filter { $0.lowercased().hasPrefix(lowered) }
      if !prefixed.isEmpty { return Array(prefixed.sorted { ($0.count, $0) < ($1.count, $1) }.prefix(limit)) }
      let containing = candidates.filter { $0.lowercased().contains(lowered) }
      if !containing.isEmpty { return Array(containing.sorted { ($0.count, $0) < ($1.count, $1) }.prefix(limit)) }
    }
    let threshold = max(2, lowered.count * 2 / 5)
    let scored = candidates.map { ($0, editDistance(lowered, $0.lowercased())) }.filter { $0.1 <= threshold }
    guard let best = scored.map(\.1).min() else { return [] }
    // Only the nearest candidates: a hint listing far-off words helps nobody.
    return scored.filter { $0.1 == best }.sorted { $0.0 < $1.0 }.prefix(limit).map(\.0)
  }

  /// A hint sentence such as "did you mean `a` or `b`?", or nil when nothing is close.
  public static func hint(for word: String, in candidates: some Sequence<String>) -> String? {
    let found = closest(to: word, in: candidates)
    guard !found.isEmpty else { return nil }
    return "did you mean " + found.map { "`\($0)`" }.joined(separator: " or ") + "?"
  }

  /// Levenshtein distance between two strings, by Unicode scalars.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars)
    let b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
