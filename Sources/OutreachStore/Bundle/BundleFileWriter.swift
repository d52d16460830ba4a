import Foundation

/// Writes a bundle line by line to a private temporary file beside the target, in chunks of about
/// a megabyte, and moves it into place when it is complete: memory stays flat however large the
/// export, and the target never holds half a bundle. Both stores' exports write through it.
public final class BundleFileWriter {
    private let target: String
    private let temporary: String
    private let handle: FileHandle
    private var buffer = Data()
    private let encoder = Bundle.encoder
    public private(set) var records = 0

    /// Claims `path` as a new file private to the user (an existing file is never replaced) and
    /// opens the temporary file, then writes the header.
    public init(path: String, redacted: Bool, partnerID: UUID?) throws {
        target = path
        try FileAccess.createNewPrivateFile(at: path) { StoreError.exportFailed(path: path, reason: $0) }
        temporary = URL(fileURLWithPath: path).deletingLastPathComponent()
            .appendingPathComponent(".\(URL(fileURLWithPath: path).lastPathComponent).\(UUID().uuidString).part").path
        do {
            try FileAccess.createNewPrivateFile(at: temporary) { StoreError.exportFailed(path: path, reason: $0) }
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
        buffer.reserveCapacity(Self.chunk + 4096)
        try append(Bundle.Header(format: Bundle.formatName, version: Bundle.version, createdAt: Date(), redacted: redacted,
                                 partner: partnerID?.uuidString.lowercased()))
    }

    static let chunk = 1 << 20

    /// One record line.
    public func write(_ line: Bundle.Line) throws {
        try append(line)
        records += 1
    }

    /// Writes the end line, and moves the file into place.
    public func finish() throws -> Int {
        try append(Bundle.End(end: true, records: records))
        try guarded {
            try handle.write(contentsOf: buffer)
            buffer.removeAll()
            try handle.close()
            guard rename(temporary, target) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
        return records
    }

    /// Removes both files after a failure anywhere in the export.
    public func abandon() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporary)
        try? FileManager.default.removeItem(atPath: target)
    }

    private func append(_ value: some Encodable) throws {
        try guarded {
            buffer.append(try encoder.encode(value))
            buffer.append(0x0A)
            if buffer.count >= Self.chunk {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
    }

    private func guarded(_ body: () throws -> Void) throws {
        do { try body() } catch let error as StoreError { abandon(); throw error } catch {
            abandon()
            throw StoreError.exportFailed(path: target, reason: "the file could not be written (\((error as NSError).localizedFailureReason ?? error.localizedDescription))")
        }
    }
}
