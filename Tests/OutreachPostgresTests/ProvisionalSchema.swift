import Foundation
import PostgresNIO
@testable import OutreachPostgres

/// Stands in for core's migrations until they are merged (then removed).
enum ProvisionalSchema {
    static func apply(to database: TeamDatabase) throws {
        for statement in sql.components(separatedBy: ";\n") where !statement.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            try database.rows(PostgresQuery(unsafeSQL: statement))
        }
    }

    static let sql = """
        CREATE TABLE partner (id uuid PRIMARY KEY, name text NOT NULL, sector text NOT NULL, stakeholder text, profile text,
            doNotContact boolean NOT NULL DEFAULT false, isOwn boolean NOT NULL DEFAULT false,
            createdAt timestamptz NOT NULL, updatedAt timestamptz NOT NULL);
        CREATE UNIQUE INDEX partner_name ON partner (lower(name));
        CREATE TABLE party (id uuid PRIMARY KEY, name text NOT NULL, kind text NOT NULL,
            partnerID uuid UNIQUE REFERENCES partner(id) ON DELETE CASCADE, createdAt timestamptz NOT NULL, updatedAt timestamptz NOT NULL);
        CREATE UNIQUE INDEX party_name ON party (lower(name));
        CREATE TABLE partyAlias (id uuid PRIMARY KEY, partyID uuid NOT NULL REFERENCES party(id) ON DELETE CASCADE,
            alias text NOT NULL, createdAt timestamptz NOT NULL);
        CREATE UNIQUE INDEX partyAlias_alias ON partyAlias (lower(alias));
        CREATE TABLE partnership (id uuid PRIMARY KEY, name text NOT NULL, ask text, createdAt timestamptz NOT NULL, updatedAt timestamptz NOT NULL);
        CREATE UNIQUE INDEX partnership_name ON partnership (lower(name));
        CREATE TABLE partnershipMember (partnershipID uuid NOT NULL REFERENCES partnership(id) ON DELETE CASCADE,
            partyID uuid NOT NULL REFERENCES party(id) ON DELETE CASCADE, createdAt timestamptz NOT NULL, PRIMARY KEY (partnershipID, partyID));
        CREATE SEQUENCE session_number;
        CREATE TABLE session (id uuid PRIMARY KEY, number bigint NOT NULL UNIQUE DEFAULT nextval('session_number'),
            partnerID uuid NOT NULL REFERENCES partner(id), partnershipID uuid REFERENCES partnership(id) ON DELETE SET NULL,
            playbookID text NOT NULL, playbookVersion text NOT NULL, playbookDigest text NOT NULL, snapshot bytea NOT NULL,
            status text NOT NULL, position integer NOT NULL, createdAt timestamptz NOT NULL, updatedAt timestamptz NOT NULL);
        CREATE TABLE answer (id uuid PRIMARY KEY, sessionID uuid NOT NULL REFERENCES session(id) ON DELETE CASCADE, questionID text NOT NULL,
            revision integer NOT NULL, value text, createdAt timestamptz NOT NULL, author text DEFAULT current_user);
        CREATE TABLE note (id uuid PRIMARY KEY, partnerID uuid REFERENCES partner(id) ON DELETE CASCADE,
            partnershipID uuid REFERENCES partnership(id) ON DELETE SET NULL, sessionID uuid REFERENCES session(id) ON DELETE SET NULL,
            questionID text, text text NOT NULL, isPrivate boolean NOT NULL DEFAULT false, createdAt timestamptz NOT NULL,
            updatedAt timestamptz NOT NULL, author text DEFAULT current_user);
        CREATE TABLE term (id uuid PRIMARY KEY, partnerID uuid REFERENCES partner(id) ON DELETE CASCADE,
            sessionID uuid REFERENCES session(id) ON DELETE SET NULL, questionID text, term text NOT NULL, meaning text NOT NULL,
            createdAt timestamptz NOT NULL, updatedAt timestamptz NOT NULL, author text DEFAULT current_user);
        CREATE TABLE valueItem (id uuid PRIMARY KEY, partnerID uuid REFERENCES partner(id) ON DELETE CASCADE,
            partnershipID uuid REFERENCES partnership(id) ON DELETE SET NULL, sessionID uuid REFERENCES session(id) ON DELETE SET NULL,
            questionID text, value text NOT NULL, benefits jsonb NOT NULL, lens text NOT NULL, lenses jsonb NOT NULL DEFAULT '[]',
            horizon text NOT NULL, way text, perspective text, beneficiaryIDs jsonb NOT NULL DEFAULT '[]', payerIDs jsonb NOT NULL DEFAULT '[]',
            evidence jsonb NOT NULL, createdAt timestamptz NOT NULL, updatedAt timestamptz NOT NULL, author text DEFAULT current_user);
        CREATE TABLE actionItem (id uuid PRIMARY KEY, partnerID uuid REFERENCES partner(id) ON DELETE CASCADE,
            partnershipID uuid REFERENCES partnership(id) ON DELETE SET NULL, sessionID uuid REFERENCES session(id) ON DELETE SET NULL,
            questionID text, text text NOT NULL, owner text NOT NULL, due text, doneAt timestamptz, createdAt timestamptz NOT NULL,
            updatedAt timestamptz NOT NULL, author text DEFAULT current_user);
        CREATE TABLE publishedPlaybook (id text, version text, digest text NOT NULL, fileName text NOT NULL, source text NOT NULL,
            publishedBy text NOT NULL DEFAULT current_user, publishedAt timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (id, version))
        """
}
