import Foundation
import OutreachStore
import Testing
@testable import OutreachPostgres

/// Team database addresses and the password file: no server needed.
@Suite struct AddressTests {
    let environment = ["USER": "sam"]

    @Test func fullAddress() throws {
        let address = try PostgresAddress("postgresql://ana@db.example.org:6543/outreach?sslmode=verify-full", environment: environment)
        #expect(address.user == "ana")
        #expect(address.host == "db.example.org")
        #expect(address.port == 6543)
        #expect(address.database == "outreach")
        #expect(address.sslMode == .verifyFull)
        #expect(address.description == "postgresql://ana@db.example.org:6543/outreach?sslmode=verify-full")
    }

    @Test func defaults() throws {
        let local = try PostgresAddress("postgres://127.0.0.1/team", environment: environment)
        #expect(local.user == "sam")
        #expect(local.port == 5432)
        #expect(local.sslMode == .disable)
        #expect(local.description == "postgresql://sam@127.0.0.1:5432/team")
        let pguser = try PostgresAddress("postgresql://localhost", environment: ["PGUSER": "pat", "USER": "sam"])
        #expect(pguser.user == "pat")
        #expect(pguser.database == "pat")
        #expect(pguser.sslMode == .disable)
        let remote = try PostgresAddress("postgresql://ana@db.example.org/outreach", environment: environment)
        #expect(remote.sslMode == .require)
        let disabled = try PostgresAddress("postgresql://ana@db.example.org/outreach?sslmode=disable", environment: environment)
        #expect(disabled.sslMode == .disable)
        let required = try PostgresAddress("postgresql://ana@localhost/outreach?sslmode=require", environment: environment)
        #expect(required.sslMode == .require)
    }

    @Test func ipv6() throws {
        let address = try PostgresAddress("postgresql://ana@[::1]:5433/outreach", environment: environment)
        #expect(address.host == "::1")
        #expect(address.port == 5433)
        #expect(address.sslMode == .disable)
        #expect(address.server == "[::1]:5433")
        let remote = try PostgresAddress("postgresql://ana@[2001:db8::5]/outreach", environment: environment)
        #expect(remote.host == "2001:db8::5")
        #expect(remote.port == 5432)
        #expect(remote.sslMode == .require)
    }

    @Test func passwordInAddressIsRefusedWithoutShowingIt() {
        do {
            _ = try PostgresAddress("postgresql://ana:s3cret@db.example.org:5432/outreach", environment: environment)
            Issue.record("a password in the address was accepted")
        } catch let error as StoreError {
            guard case .passwordInAddress(let path) = error else { Issue.record("unexpected \(error)"); return }
            #expect(!path.contains("s3cret"))
            let message = error.localizedDescription
            #expect(!message.contains("s3cret"))
            #expect(message.contains("PGPASSWORD"))
            #expect(message.contains("~/.pgpass"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func passwordsWithSlashesOrAtSignsAreNeverShown() {
        for text in ["postgresql://ana:pa/ss@host/db", "postgresql://ana:p@ss?x@host:5432/db", "postgres://:only@host"] {
            do {
                _ = try PostgresAddress(text, environment: environment)
                Issue.record("accepted \(text)")
            } catch let error as StoreError {
                guard case .passwordInAddress(let path) = error else { Issue.record("unexpected \(error)"); continue }
                #expect(!path.contains("pa/ss") && !path.contains("p@ss") && !path.contains("only"), "\(path)")
                #expect(path.hasSuffix("@host/db") || path.hasSuffix("@host:5432/db") || path.hasSuffix("@host"))
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test func badAddresses() {
        for text in ["postgresql://ana@host:0/db", "postgresql://ana@host:99999/db", "postgresql://ana@host:port/db",
                     "postgresql://ana@host/db?sslmode=prefer", "postgresql://ana@host/db?application_name=x",
                     "postgresql://ana@[::1/db", "mysql://ana@host/db"] {
            #expect(throws: StoreError.self, "\(text)") { try PostgresAddress(text, environment: environment) }
        }
    }

    @Test func isAddress() {
        #expect(PostgresAddress.isAddress("postgresql://ana@host/db"))
        #expect(PostgresAddress.isAddress("postgres://host"))
        #expect(!PostgresAddress.isAddress("outreach.sqlite"))
        #expect(!PostgresAddress.isAddress("/tmp/postgresql://x"))
    }

    // MARK: - Password file

    func passwordFile(_ text: String, mode: mode_t = 0o600) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("pgpass").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, mode)
        return path
    }

    @Test func passwordFileMatching() throws {
        let path = try passwordFile("""
            # a comment:*:*:*:nope
            other.example.org:*:*:*:wrong
            db.example.org:6543:outreach:ana:pa\\:ss\\\\word
            *:*:*:bob:bob-secret
            \\:\\:1:5432:*:ana:v6-secret
            db.example.org:*:\\*:carl:literal-star

            """)
        let lookup = { (text: String) in
            PasswordFile.password(for: try PostgresAddress(text, environment: self.environment), environment: ["PGPASSFILE": path])
        }
        #expect(try lookup("postgresql://ana@db.example.org:6543/outreach").password == "pa:ss\\word")
        #expect(try lookup("postgresql://ana@db.example.org:6544/outreach").password == nil)
        #expect(try lookup("postgresql://bob@anywhere:1/any").password == "bob-secret")
        #expect(try lookup("postgresql://ana@[::1]/x").password == "v6-secret")
        #expect(try lookup("postgresql://carl@db.example.org/outreach").password == nil)
        #expect(try lookup("postgresql://carl@db.example.org/*").password == "literal-star")
        #expect(try lookup("postgresql://ana@db.example.org:6543/outreach").notice == nil)
    }

    @Test func passwordFromEnvironmentComesFirst() throws {
        let path = try passwordFile("*:*:*:*:from-file\n")
        let address = try PostgresAddress("postgresql://ana@host/db", environment: environment)
        #expect(PasswordFile.password(for: address, environment: ["PGPASSWORD": "from-env", "PGPASSFILE": path]).password == "from-env")
        #expect(PasswordFile.password(for: address, environment: ["PGPASSWORD": "", "PGPASSFILE": path]).password == "from-file")
        let home = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.moveItem(atPath: path, toPath: home.appendingPathComponent(".pgpass").path)
        #expect(PasswordFile.password(for: address, environment: ["HOME": home.path]).password == "from-file")
    }

    @Test func sharedPasswordFileIsIgnored() throws {
        let path = try passwordFile("*:*:*:*:from-file\n", mode: 0o644)
        let address = try PostgresAddress("postgresql://ana@host/db", environment: environment)
        let lookup = PasswordFile.password(for: address, environment: ["PGPASSFILE": path])
        #expect(lookup.password == nil)
        #expect(lookup.notice?.contains("chmod 600") == true)
        chmod(path, 0o640)
        #expect(PasswordFile.password(for: address, environment: ["PGPASSFILE": path]).password == nil)
        chmod(path, 0o400)
        #expect(PasswordFile.password(for: address, environment: ["PGPASSFILE": path]).password == "from-file")
    }
}
