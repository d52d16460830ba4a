import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Creates data files private to the user: folder 0700, file 0600.
public enum FileAccess {
    public static func preparePrivateFile(at path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let manager = FileManager.default
        if !manager.fileExists(atPath: folder.path) {
            do {
                try manager.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError.cannotCreate(path: path, reason: (error as NSError).localizedDescription)
            }
        }
        if !manager.fileExists(atPath: path) {
            let descriptor = Glibc.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
            if descriptor < 0 {
                if errno == EEXIST { return }
                throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
            }
            close(descriptor)
        }
    }
}

extension FileAccess {
    /// Creates a folder private to the user (0700) when it does not exist yet.
    public static func preparePrivateFolder(at path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else { return }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw StoreError.cannotCreate(path: path, reason: (error as NSError).localizedDescription)
        }
    }
}
