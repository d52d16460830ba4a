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

extension FileAccess {
    /// Creates a new, empty file private to the user (0600) in an existing folder, never replacing
    /// one; a failure is described in words for `failure` to wrap.
    public static func createNewPrivateFile(at path: String, failure: (String) -> StoreError) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
            throw failure("the folder '\(folder)' does not exist")
        }
        guard isFolder.boolValue else { throw failure("'\(folder)' is not a folder") }
        let descriptor = Glibc.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            switch errno {
            case EEXIST: throw failure("the file already exists")
            case EACCES, EPERM, EROFS: throw failure("the folder '\(folder)' cannot be written to")
            case EISDIR: throw failure("'\(path)' is a folder")
            default: throw failure(String(cString: strerror(errno)))
            }
        }
        close(descriptor)
    }
}
