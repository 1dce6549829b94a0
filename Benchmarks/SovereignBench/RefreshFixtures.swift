import Foundation

/// Full-size, deterministic stand-ins for the two official lists (no real data is copied):
/// - the ANS list of certified health-data hosts: 360 hosts in tables by letter, inside a page
///   with the navigation, scripts and boilerplate a real CMS page carries (about 250 KB);
/// - the ANSSI catalogue as `pdftotext -layout` prints it: 100 pages, of which the SecNumCloud
///   section holds 64 services over several pages, the rest other qualification schemes.
/// Their layout follows the test fixtures in Tests/SovereignFetchTests/Fixtures.
enum RefreshFixtures {
  static let hdsHosts = 360
  static let cataloguePages = 100
  static let secNumCloudServices = 64

  static let words = [
    "Alpha", "Boreal", "Cirrus", "Delta", "Epsilon", "Fjord", "Granit", "Helios", "Iris", "Jade", "Kappa", "Lumen",
    "Meridien", "Nova", "Orion", "Pegase", "Quartz", "Rhone", "Sirius", "Titan", "Ulysse", "Vega", "Wagram", "Xenon",
    "Yser", "Zephyr",
  ]
  static let suffixes = ["Santé Hébergement SAS", "Cloud SAS", "Datacenter SA", "Informatique SARL", "Services SAS", "Numérique SAS"]
  static let activities = ["1 à 6", "1, 2, 3, 4, 5, 6", "1-6", "activités 1 à 6", "1, 2, 3 et 4", "Hébergeur infogéreur", "5 et 6", "1 &agrave; 6"]
  static let bodies = ["AFNOR Certification", "Bureau Veritas", "LNE", "LSTI", "EY CertifyPoint", "SGS ICS", "BSI Group"]

  static func hostName(_ i: Int) -> String {
    "\(words[i % words.count]) \(words[(i / words.count + 7) % words.count]) \(suffixes[i % suffixes.count])"
  }

  static func date(_ i: Int, yearBase: Int) -> String {
    String(format: "%02d/%02d/%04d", 1 + i % 28, 1 + (i / 3) % 12, yearBase + i % 4)
  }

  static func hdsListHTML() -> String {
    var html = """
      <!DOCTYPE html>
      <html lang="fr">
      <head><meta charset="utf-8"><title>Liste des hébergeurs certifiés | Agence du Numérique en Santé</title>
      <script>window.dataLayer = [{"page": "<table>"}];\n
      """
    for i in 0..<400 { html += "var tracker\(i) = {\"id\": \(i), \"label\": \"menu <td> entry \(i)\"};\n" }
    html += "</script></head>\n<body>\n<nav>"
    for i in 0..<600 { html += "<a href=\"/page-\(i)\">Rubrique \(i) du portail</a> " }
    html += "</nav>\n<h1>Liste des h&eacute;bergeurs certifi&eacute;s</h1>\n"
    let hosts = (0..<hdsHosts).map(hostName).sorted()
    var byLetter: [Character: [(Int, String)]] = [:]
    for (i, name) in hosts.enumerated() { byLetter[name.first!, default: []].append((i, name)) }
    for letter in byLetter.keys.sorted() {
      html += "<section id=\"\(letter)\"><h2>\(letter)</h2>\n<table class=\"hds\">\n"
      html += "<thead><tr><th>Hébergeur</th><th>Activités certifiées</th><th>Référentiel</th><th>Organisme certificateur</th><th>N° de certificat</th><th>Date de fin de validité</th></tr></thead>\n<tbody>\n"
      for (i, name) in byLetter[letter]! {
        html += "<tr><td>\(name)</td><td>\(activities[i % activities.count])</td><td>v\(i % 3 == 0 ? "1.1" : "2.0")</td>"
        html += "<td>\(bodies[i % bodies.count])</td><td>HDS-\(2023 + i % 4)-\(String(format: "%04d", i))</td><td>\(date(i, yearBase: 2026))</td></tr>\n"
      }
      html += "</tbody></table></section>\n"
    }
    for i in 0..<300 { html += "<p class=\"footer-link\">Mentions, accessibilité et plan du site, lien \(i)</p>\n" }
    html += "<footer><p>Mise à jour : 04/05/2026</p></footer>\n</body></html>\n"
    return html
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
  }

  static func catalogueText() -> String {
    let header = "Catalogue des produits et services certifiés, qualifiés et agréés par l'ANSSI                       15/09/2026\n\n"
    var pages: [String] = []
    let secNumCloudFirstPage = 60
    let servicesPerPage = 12
    var service = 0
    for page in 1...cataloguePages {
      var text = header
      if page < secNumCloudFirstPage || service >= secNumCloudServices {
        // Other schemes: products, audit providers, incident response, evaluation centres.
        text += "\(page < secNumCloudFirstPage ? "2" : "4").\(page % 9 + 1) Produits et prestataires qualifiés (\(page))\n\n"
        text += pad("Prestataire", 26) + pad("Portée", 46) + pad("Date de qualification", 24) + pad("Fin de validité", 18) + "N° de décision\n"
        for row in 0..<14 {
          let k = page * 14 + row
          text += pad(hostName(k), 26) + pad("Audit \(["organisationnel", "de code source", "d'architecture", "de configuration"][k % 4])", 46)
          text += pad(date(k, yearBase: 2024), 24) + pad(date(k, yearBase: 2027), 18) + "\(2024 + k % 3)-\(String(format: "%04d", k))\n"
          if k % 5 == 0 { text += pad("", 26) + "et tests d'intrusion\n" }
          text += "\n"
        }
      } else {
        if page == secNumCloudFirstPage {
          text += "3.3 Prestataires de services d'informatique en nuage (SecNumCloud)\n\n"
        }
        text += pad("Fournisseur", 26) + pad("Service", 32) + pad("Type", 14) + pad("Date de qualification", 24) + pad("Fin de validité", 18) + "N° de décision\n\n"
        for _ in 0..<servicesPerPage where service < secNumCloudServices {
          let k = service
          let type = ["IaaS", "PaaS", "CaaS", "IaaS, PaaS", "SaaS"][k % 5]
          text += pad(hostName(k * 7), 26) + pad("Offre souveraine \(k)", 32) + pad(type, 14)
          text += pad(date(k, yearBase: 2024), 24) + pad(date(k, yearBase: 2027), 18) + "\(2024 + k % 3)-\(String(format: "%04d", 3000 + k))\n"
          if k % 3 == 0 { text += pad("", 26) + "(région France, HSM-KMS)\n" }
          text += "\n"
          service += 1
        }
        if service >= secNumCloudServices { text += "\n4 Sites agréés\n" }
      }
      text += "\nPage \(page) sur \(cataloguePages)\n"
      pages.append(text)
    }
    return pages.joined(separator: "\u{0C}")
  }

  static func write(to directory: URL) {
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try Data(hdsListHTML().utf8).write(to: directory.appending(path: "hds-list-full.html"))
      try Data(catalogueText().utf8).write(to: directory.appending(path: "secnumcloud-catalogue-full.txt"))
    } catch {
      FileHandle.standardError.write(Data("sovereign-bench: cannot write fixtures: \(error)\n".utf8))
      exit(74)
    }
  }
}
