import Foundation

/// Writes a small valid PDF showing text lines in Courier (one page per form feed), so that
/// `pdftotext -layout` gives back the same columns: the SecNumCloud fixture's PDF path is tested
/// without any PDF library (none is installed; this is ~40 lines of the PDF 1.4 syntax).
enum MinimalPDF {
  static func make(text: String, fontSize: Double = 6.5) -> [UInt8] {
    let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map { String($0) }.filter { !$0.isEmpty }
    var objects: [String] = []
    // 1: catalog, 2: pages, 3: font, then per page a page object and its content stream.
    let pageIDs = pages.indices.map { 4 + $0 * 2 }
    objects.append("<< /Type /Catalog /Pages 2 0 R >>")
    objects.append("<< /Type /Pages /Kids [\(pageIDs.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pages.count) >>")
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>")
    var streams: [[UInt8]] = []
    for page in pages {
      var content: [UInt8] = Array("BT /F1 \(fontSize) Tf \(fontSize * 1.25) TL 20 800 Td\n".utf8)
      for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
        content += Array("(".utf8) + escape(String(line)) + Array(") Tj T*\n".utf8)
      }
      content += Array("ET\n".utf8)
      streams.append(content)
    }
    var output: [UInt8] = Array("%PDF-1.4\n".utf8)
    var offsets: [Int] = []
    func add(_ body: [UInt8]) {
      offsets.append(output.count)
      output += Array("\(offsets.count) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
    }
    for object in objects { add(Array(object.utf8)) }
    for (index, stream) in streams.enumerated() {
      add(Array("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 842] /Resources << /Font << /F1 3 0 R >> >> /Contents \(pageIDs[index] + 1) 0 R >>".utf8))
      add(Array("<< /Length \(stream.count) >>\nstream\n".utf8) + stream + Array("endstream".utf8))
    }
    let xref = output.count
    output += Array("xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n".utf8)
    for offset in offsets { output += Array((String(format: "%010d", offset) + " 00000 n \n").utf8) }
    output += Array("trailer\n<< /Size \(offsets.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
    return output
  }

  /// Latin-1 bytes (WinAnsi for these characters) with PDF string escapes.
  static func escape(_ text: String) -> [UInt8] {
    var bytes: [UInt8] = []
    for scalar in text.unicodeScalars {
      switch scalar {
      case "(", ")", "\\": bytes += [UInt8(ascii: "\\"), UInt8(scalar.value)]
      case "\u{2013}": bytes.append(0x96)  // en dash in WinAnsi
      default: bytes.append(scalar.value < 256 ? UInt8(scalar.value) : UInt8(ascii: "?"))
      }
    }
    return bytes
  }
}
