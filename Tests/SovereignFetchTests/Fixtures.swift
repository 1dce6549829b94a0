import Foundation

/// Test fixtures (Fixtures/), found from this file's path, and generated documents.
enum Fixtures {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Fixtures")

  static func bytes(_ name: String) -> [UInt8] {
    (try? Array(Data(contentsOf: directory.appending(path: name)))) ?? []
  }

  static func text(_ name: String) -> String { String(decoding: bytes(name), as: UTF8.self) }

  /// A full-size HDS list by letter: `hosts` rows (`Host 0001 SAS` ...), deterministic.
  /// `variant` 1 and 2 differ: variant 2 drops host 3, adds a new host, and changes host 5's activities.
  static func largeHDSList(hosts: Int, variant: Int = 1) -> String {
    var html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Liste</title></head><body><h1>Liste des hébergeurs certifiés</h1>\n"
    let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    var rows: [(String, String)] = []
    for index in 0..<hosts where !(variant == 2 && index == 3) {
      let letter = letters[index % letters.count]
      let name = "\(letter)eta Host \(String(format: "%04d", index)) SAS"
      let activities = variant == 2 && index == 5 ? "1 à 4" : (index % 3 == 0 ? "1 à 6" : "1, 2, 3")
      let row = "<tr><td>\(name)</td><td>\(activities)</td><td>v2.0</td><td>LNE</td><td>HDS-\(index)</td><td>\(10 + index % 18)/0\(1 + index % 9)/2028</td></tr>\n"
      rows.append((String(letter), row))
    }
    if variant == 2 { rows.append(("Z", "<tr><td>Zeta New Host SAS</td><td>1-6</td><td>v2.0</td><td>AFNOR</td><td>HDS-NEW</td><td>01/01/2029</td></tr>\n")) }
    for letter in letters {
      let inLetter = rows.filter { $0.0 == String(letter) }
      guard !inLetter.isEmpty else { continue }
      html += "<section><h2>\(letter)</h2><table><thead><tr><th>Hébergeur</th><th>Activités</th><th>Référentiel</th><th>Organisme certificateur</th><th>N° de certificat</th><th>Fin de validité</th></tr></thead><tbody>\n"
      html += inLetter.map(\.1).joined()
      html += "</tbody></table></section>\n"
    }
    return html + "</body></html>\n"
  }
}
