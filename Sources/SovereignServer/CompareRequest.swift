import Hummingbird
import Sovereign

/// The body of `POST /api/v1/compare`: `{ids: [ID, ID, ...]}` (YAML or JSON), read strictly
/// (unknown keys, anchors and deep nesting refused) with `body:line:column` problems.
enum CompareRequest {
  static func ids(_ body: ByteBuffer) throws(Problem) -> [String] {
    let document = YAMLDocument(data: body.readableBytesView, file: RequirementsRequest.fileName)
    var ids: [String]?
    if let root = document.root, let mapping = root.mapping("the compare request", keys: ["ids"]),
      let list = mapping.required("ids", hint: "e.g. {\"ids\": [\"clever-cloud-paas-hds\", \"azure\"]}")?.list("`ids`")
    {
      ids = list.compactMap { $0.string("an id in `ids`") }
    } else if document.root == nil && document.isClean {
      document.report(
        Diagnostic("the body is empty", at: SourceLocation(file: RequirementsRequest.fileName, line: 1, column: 1),
          hint: "send {\"ids\": [ID, ID]}"))
    }
    guard document.isClean, let ids else {
      let list = DiagnosticList(document.diagnostics)
      throw Problem(.invalidRequest, detail: list.description, errors: list.diagnostics)
    }
    return ids
  }
}
