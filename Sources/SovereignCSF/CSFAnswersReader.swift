import SovereignCatalog

/// Reads an answers file: a YAML mapping from criterion ids (`SOV-1.1` … `SOV-8.4`) to the index
/// of the chosen answer in the calculator's order, worst = 0. Unanswered criteria are unknown.
/// Strict as the requirements reader: unknown ids with did-you-mean, indices out of range, all
/// problems reported together as file:line:column.
public enum CSFAnswersReader {
  public static func read(data: some Collection<UInt8>, file: String, framework: CSFFramework)
    throws(DiagnosticList) -> CSFAnswers
  {
    let document = YAMLDocument(data: data, file: file)
    var choices: [CSFChoice] = []
    if let root = document.root, let entries = root.freeMapping("the answers file") {
      let ids = framework.criteria.map(\.id)
      for entry in entries {
        guard let criterion = framework.criterion(id: entry.key) else {
          document.report(
            Diagnostic(
              "unknown criterion `\(entry.key)`", at: entry.keyLocation,
              hint: Suggestions.hint(for: entry.key, in: ids) ?? "criterion ids run from SOV-1.1 to SOV-8.4"))
          continue
        }
        let last = criterion.answers.count - 1
        guard let index = entry.value.integer("the answer to \(criterion.id)", in: 0...last) else { continue }
        choices.append(CSFChoice(criterionID: criterion.id, possible: [index], origin: .answersFile(entry.value.location)))
      }
    } else if document.root == nil && document.isClean {
      // An empty file answers nothing: every criterion is unknown.
    }
    guard document.isClean else { throw DiagnosticList(document.diagnostics) }
    return CSFAnswers(choices)
  }
}
