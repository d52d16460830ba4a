import Foundation

/// A fuzz target built without the fuzzer runs the inputs named on its command line (files, or
/// folders of files) once each: a way to check a crash file after a fix without sanitizers.
public enum FuzzReplay {
    public static func run(_ target: (UnsafeBufferPointer<UInt8>) -> Void) {
        let paths = CommandLine.arguments.dropFirst()
        guard !paths.isEmpty else {
            print("usage: \(CommandLine.arguments[0]) FILE-OR-FOLDER ... (build with 'make fuzz' to fuzz)")
            exit(64)
        }
        var count = 0
        for path in paths {
            for file in files(at: path) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    print("cannot read \(file)")
                    exit(1)
                }
                data.withUnsafeBytes { target($0.bindMemory(to: UInt8.self)) }
                count += 1
            }
        }
        print("ran \(count) inputs without a crash")
    }

    static func files(at path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
        let enumerator = FileManager.default.enumerator(atPath: path)
        var files: [String] = []
        while let name = enumerator?.nextObject() as? String {
            let full = (path as NSString).appendingPathComponent(name)
            var nested: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &nested), !nested.boolValue { files.append(full) }
        }
        return files.sorted()
    }
}
