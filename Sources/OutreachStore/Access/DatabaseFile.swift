import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What is at a database path, found with `lstat`/`stat` before SQLite creates anything beside it.
enum DatabaseFile {
    case absent
    /// A regular file the user may read and write, with its size.
    case existing(size: Int)

    /// Looks at `path` without opening it: refuses links that point nowhere, anything that is not a
    /// regular file, and files the user may not read or write.
    static func examine(_ path: String) throws -> DatabaseFile {
        var info = stat()
        if lstat(path, &info) != 0 {
            guard errno == ENOENT else { throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno))) }
            return .absent
        }
        if info.st_mode & S_IFMT == S_IFLNK, stat(path, &info) != 0 {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            throw StoreError.danglingLink(path: path, target: target)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw StoreError.notAFile(path: path, kind: "a folder")
        case S_IFCHR, S_IFBLK: throw StoreError.notAFile(path: path, kind: "a device")
        case S_IFIFO: throw StoreError.notAFile(path: path, kind: "a named pipe")
        case S_IFSOCK: throw StoreError.notAFile(path: path, kind: "a socket")
        default: throw StoreError.notAFile(path: path, kind: "not a regular file")
        }
        guard access(path, R_OK) == 0 else { throw StoreError.permissionDenied(path: path) }
        guard info.st_mode & S_IWUSR != 0, access(path, W_OK) == 0 else { throw StoreError.readOnly(path: path) }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard access(folder, W_OK) == 0 else { throw StoreError.folderNotWritable(path: path, folder: folder) }
        return .existing(size: Int(info.st_size))
    }

    /// Reads the first `count` bytes of a file (fewer if it is shorter).
    static func header(_ path: String, count: Int) throws -> [UInt8] {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw StoreError.permissionDenied(path: path) }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: count)
        let read = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, count) }
        guard read >= 0 else { throw StoreError.unreadable(path: path, reason: String(cString: strerror(errno))) }
        return Array(bytes.prefix(read))
    }

    /// Makes the file and its `-wal`/`-shm` companions private to the user (0600). SQLite gives the
    /// companions it creates later the database file's mode.
    static func makePrivate(_ path: String) throws {
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            guard chmod(file, 0o600) == 0 else {
                throw StoreError.cannotMakePrivate(path: file, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// The mode of the first of the file, its `-wal` and its `-shm` that other users may read or
    /// write, or nil when all are private.
    static func sharedMode(_ path: String) -> mode_t? {
        for file in [path, path + "-wal", path + "-shm"] {
            var info = stat()
            if stat(file, &info) == 0, info.st_mode & 0o077 != 0 { return info.st_mode & 0o777 }
        }
        return nil
    }
}
