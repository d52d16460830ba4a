import Foundation
import OutreachStore
import OutreachTestSupport
import Testing
@testable import OutreachPostgres

/// `sslmode` on a real server: the throwaway server offers TLS with a self-signed certificate.
@Suite struct TLSTests {
    /// Whether this connection's traffic is encrypted, as the server sees it.
    func encrypted(_ team: TeamDatabase) throws -> Bool {
        try team.read { try team.value("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", as: Bool.self) }
    }

    @Test func requireEncryptsDisableDoesNotAndTheLoopbackDefaultIsPlain() throws {
        let database = try TestPostgres.server().freshDatabase()
        let required = try TeamDatabase.open(address: database.ownerAddress + "?sslmode=require", environment: database.ownerEnvironment)
        defer { required.closeCleanly() }
        #expect(try encrypted(required))
        let plain = try TeamDatabase.open(address: database.ownerAddress + "?sslmode=disable", environment: database.ownerEnvironment)
        defer { plain.closeCleanly() }
        #expect(try !encrypted(plain))
        let loopback = try database.openAsOwner()
        defer { loopback.closeCleanly() }
        #expect(try !encrypted(loopback))
    }

    @Test func verifyFullRefusesACertificateNoTrustedAuthoritySignedAndAnIPAddress() throws {
        let database = try TestPostgres.server().freshDatabase()
        let byName = "postgresql://outreach_owner@localhost:\(database.server.port)/\(database.name)?sslmode=verify-full"
        #expect(throws: StoreError.tlsFailed(path: byName, reason: "the server's certificate is not signed by an authority "
                    + "this machine trusts, or does not name localhost")) {
            try TeamDatabase.open(address: byName, environment: database.ownerEnvironment)
        }
        let byAddress = database.ownerAddress + "?sslmode=verify-full"
        #expect(throws: StoreError.badAddress(path: byAddress, reason: "sslmode=verify-full checks the server's name on its "
                    + "certificate, so write the host as that name, not as an IP address")) {
            try TeamDatabase.open(address: byAddress, environment: database.ownerEnvironment)
        }
    }
}
