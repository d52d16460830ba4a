import Foundation
import OutreachCatalog
import OutreachCore
import OutreachStore

/// What each fuzz target does with one input. A loader may refuse any input, but only with a
/// `CatalogError` worded for the file; anything else (a crash, another error, a message without
/// the file's name) stops the fuzzer, which keeps the input.
public enum FuzzHarness {
    static let file = "fuzz.yaml"

    public static func plugin(_ bytes: UnsafeBufferPointer<UInt8>) {
        let yaml = text(bytes)
        expectCatalogErrors { _ = try PluginLoader.load(yaml: yaml, file: file) }
        expectAgreement(loads: (try? PluginLoader.load(yaml: yaml, file: file)) != nil, PluginLoader.check(yaml: yaml, file: file))
        lint(.plugin, yaml)
    }

    public static func playbook(_ bytes: UnsafeBufferPointer<UInt8>) {
        let yaml = text(bytes)
        expectCatalogErrors { _ = try PlaybookLoader.load(yaml: yaml, file: file, plugins: builtinPlugins) }
        let lookup = PluginLookup(builtinPlugins)
        expectAgreement(loads: (try? PlaybookLoader.load(yaml: yaml, file: file, plugins: lookup)) != nil,
                        PlaybookLoader.check(yaml: yaml, file: file, plugins: lookup))
        lint(.playbook, yaml)
    }

    /// `check` finds problems exactly when `load` refuses, each worded for the file, in file order.
    static func expectAgreement<Value>(loads: Bool, _ result: CheckResult<Value>) {
        guard loads == result.problems.isEmpty, loads == (result.value != nil) else {
            fatalError("load and check disagree: load \(loads ? "succeeded" : "failed"), check found \(result.problems)")
        }
        for problem in result.problems { expectCatalogErrors { throw problem } }
        let places = result.problems.map { ($0.location?.line ?? 0, $0.location?.column ?? 0) }
        guard zip(places, places.dropFirst()).allSatisfy({ $0 <= $1 }) else { fatalError("problems out of order: \(result.problems)") }
    }

    /// Lint rules read any YAML without crashing.
    static func lint(_ kind: LintDocument.Kind, _ yaml: String) {
        guard let document = try? LintDocument.parse(kind, yaml: yaml, file: file, plugins: PluginLookup(builtinPlugins)) else { return }
        for warning in Lint.warnings(in: document) where !warning.description.hasPrefix(file + ":") {
            fatalError("a warning without its file: \(warning)")
        }
    }

    public static func answers(_ bytes: UnsafeBufferPointer<UInt8>) {
        expectCatalogErrors { _ = try AnswersFileLoader.load(yaml: text(bytes), file: file) }
    }

    /// The bundle reader takes a file, so each input is written to one and imported into a new
    /// in-memory database. Errors are allowed; only crashes count.
    public static func bundle(_ bytes: UnsafeBufferPointer<UInt8>) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("outreach-fuzz-\(getpid()).jsonl")
        guard FileManager.default.createFile(atPath: url.path, contents: Data(bytes)) else { fatalError("cannot write \(url.path)") }
        defer { try? FileManager.default.removeItem(at: url) }
        guard let database = try? AppDatabase.inMemory() else { fatalError("cannot open an in-memory database") }
        _ = try? database.importBundle(from: url)
    }

    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    static func expectCatalogErrors(_ body: () throws -> Void) {
        do {
            try body()
        } catch let error as CatalogError {
            guard let description = error.errorDescription, description.hasPrefix(file + ":"), !error.message.isEmpty else {
                fatalError("a problem reported without its file: \(error)")
            }
            if let location = error.location, location.line < 1 || location.column < 1 {
                fatalError("a problem reported at no real place: \(description)")
            }
        } catch {
            fatalError("an error outside CatalogError: \(error)")
        }
    }

    /// The built-in plugins, for playbooks to include; read once from the repository.
    static let builtinPlugins: [String: Plugin] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let files = Catalog.pluginFiles(in: root.appendingPathComponent("Plugins"))
        let plugins = files.compactMap { try? PluginLoader.load(from: $0) }
        guard plugins.count == files.count, !plugins.isEmpty else { fatalError("cannot read the built-in plugins in \(root.path)") }
        return Dictionary(uniqueKeysWithValues: plugins.map { ($0.id, $0) })
    }()
}
