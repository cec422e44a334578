namespace SolarTap.Supervisor.Journal;

/// <summary>
/// The SQLite schema of the journal (docs/journal.md). Times are Unix microseconds, UTC. A reading's values are one
/// JSON object keyed like the JSON output (<c>{"AcPower":1234.5,"AcVoltage.L2":231.2}</c>), units fixed by the quantity.
/// </summary>
internal static class JournalSchema
{
    /// <summary>The schema version kept in <c>PRAGMA user_version</c>.</summary>
    public const int Version = 2;

    // Version history (each step only adds; Create brings any older file up to date):
    // 1: devices, readings, unknown_frames, sink_cursors.
    // 2: posts (raw 0x0500 payloads for semonitor's format), one row per (device, SHA-256 of the payload).

    /// <summary>Creates what is missing; safe to run on every open.</summary>
    public const string Create = """
        CREATE TABLE IF NOT EXISTS devices (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            serial TEXT NOT NULL,
            parent TEXT,
            manufacturer TEXT,
            model TEXT,
            firmware TEXT,
            first_seen_us INTEGER NOT NULL,
            UNIQUE (kind, serial));
        CREATE TABLE IF NOT EXISTS readings (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            device_id INTEGER NOT NULL REFERENCES devices(id),
            ts_us INTEGER NOT NULL,
            received_us INTEGER NOT NULL,
            "values" TEXT NOT NULL,
            UNIQUE (device_id, ts_us));
        CREATE INDEX IF NOT EXISTS readings_ts ON readings (ts_us);
        CREATE TABLE IF NOT EXISTS unknown_frames (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            received_us INTEGER NOT NULL,
            source TEXT NOT NULL,
            reason TEXT NOT NULL,
            payload BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS posts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            device TEXT NOT NULL,
            ts_us INTEGER NOT NULL,
            received_us INTEGER NOT NULL,
            sha256 BLOB NOT NULL,
            payload BLOB NOT NULL,
            UNIQUE (device, sha256));
        CREATE INDEX IF NOT EXISTS posts_ts ON posts (ts_us);
        CREATE TABLE IF NOT EXISTS sink_cursors (
            sink TEXT PRIMARY KEY,
            seq INTEGER NOT NULL,
            updated_us INTEGER NOT NULL);
        """;
}
