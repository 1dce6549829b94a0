import ArgumentParser
import Foundation
import Sovereign

/// `sovereign init`: writes a commented starter requirements file.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Write a commented starter requirements file (research, pacs, saas or public-sector).",
    discussion: """
      With --template, writes that template; without it, on a terminal, asks a few questions (template, \
      name, residency, required capabilities, unknown-fact policy). Not on a terminal and without \
      --template, it exits 64 and names the templates. The file ranks as written: \
      `sovereign rank FILE`. Exit codes: 0 written; 64 usage (no template off a terminal, bad answer \
      stream); 73 the --output file exists (give --force to replace it); 74 it could not be written.
      """
  )

  @Option(help: ArgumentHelp("The template: research, pacs, saas or public-sector.", valueName: "NAME"))
  var template: RequirementsTemplate?

  @Option(help: ArgumentHelp("Write the file here (atomically) instead of standard output.", valueName: "FILE"))
  var output: String?

  @Flag(help: "Replace the --output file if it exists.")
  var force = false

  @OptionGroup var catalogOptions: CatalogOptions

  func run() throws {
    if let output, !force, FileManager.default.fileExists(atPath: output) {
      Terminal.error("\(output) exists: give --force to replace it, or another --output")
      throw ExitCode(ExitStatus.cannotCreate)
    }
    let catalog = try catalogOptions.load()
    let text: String
    if let template {
      text = template.text()
    } else if Terminal.inputIsInteractive {
      text = try Questions(catalog: catalog).ask()
    } else {
      Terminal.error(
        "no --template and standard input is not a terminal (no questions can be asked): give --template "
          + RequirementsTemplate.allCases.map(\.rawValue).joined(separator: ", ") + ", e.g. `sovereign init --template research`")
      throw ExitCode(ExitStatus.usage)
    }
    // The file must rank as written: read it back as `rank` would.
    do {
      _ = try RequirementsReader.read(data: Data(text.utf8), file: output ?? "<init>", vocabulary: RequirementsVocabulary(catalog: catalog))
    } catch {
      Terminal.error("the generated file does not read back (a bug): \(error)")
      throw ExitCode(ExitStatus.invalidData)
    }
    guard let output else {
      Terminal.write(text)
      return
    }
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
    } catch {
      Terminal.error("cannot write \(output): \(OutputProblem.reason(for: output, error: error))")
      throw ExitCode(ExitStatus.outputError)
    }
    Terminal.note("wrote \(output): requirements \(template.map { "template \($0.rawValue)" } ?? "from your answers"); next: sovereign rank \(output)")
  }
}

extension RequirementsTemplate: ExpressibleByArgument {}

/// The questions `sovereign init` asks on a terminal, on standard error; answers from standard input.
struct Questions {
  let catalog: Catalog

  func ask() throws -> String {
    let templates = RequirementsTemplate.allCases
    var prompt = "Which template?\n"
    for (index, template) in templates.enumerated() { prompt += "  \(index + 1). \(template.rawValue): \(template.summary)\n" }
    let choice = try question(prompt + "Number", default: "1") { answer in
      Int(answer).flatMap { (1...templates.count).contains($0) ? $0 : nil } == nil ? "answer 1 to \(templates.count)" : nil
    }
    let template = templates[(Int(choice) ?? 1) - 1]
    var answers = template.defaults
    answers.name = try question("Name of the project", default: answers.name) { _ in nil }
    let places = Set(catalog.countries.keys).union(["EU", "EEA"])
    answers.residency = words(
      try question("Where may the data be stored (ISO country codes, EU or EEA, comma-separated)", default: answers.residency.joined(separator: ", ")) {
        answer in
        let unknown = words(answer).map { $0.uppercased() }.filter { !places.contains($0) }
        guard let first = unknown.first else { return words(answer).isEmpty ? "give at least one" : nil }
        return "unknown place `\(first)`" + (Suggestions.hint(for: first, in: places).map { ": \($0)" } ?? "")
      }
    ).map { $0.uppercased() }
    answers.capabilities = words(
      try question("Required capabilities (ids of `sovereign capabilities`, comma-separated, empty for none)", default: answers.capabilities.joined(separator: ", ")) {
        answer in
        guard let first = words(answer).first(where: { catalog.capabilities[$0] == nil }) else { return nil }
        return "unknown capability `\(first)`" + (Suggestions.hint(for: first, in: catalog.capabilities.keys).map { ": \($0)" } ?? "")
      })
    answers.unknownPolicy = try question("Unknown facts: strict, conservative or tolerant", default: answers.unknownPolicy) { answer in
      ["strict", "conservative", "tolerant"].contains(answer) ? nil : "answer strict, conservative or tolerant"
    }
    return template.text(answers)
  }

  /// Asks until `problem` returns nil; an empty answer takes `default`; end of input is a usage error.
  func question(_ text: String, default value: String, problem: (String) -> String?) throws -> String {
    while true {
      Terminal.writeError("\(text) [\(value)]: ")
      guard let line = readLine() else {
        Terminal.error("no answer (end of input): give --template to write a file without questions")
        throw ExitCode(ExitStatus.usage)
      }
      let answer = line.trimmingCharacters(in: .whitespaces).isEmpty ? value : line.trimmingCharacters(in: .whitespaces)
      guard let problem = problem(answer) else { return answer }
      Terminal.writeError("  \(problem)\n")
    }
  }

  func words(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
  }
}
