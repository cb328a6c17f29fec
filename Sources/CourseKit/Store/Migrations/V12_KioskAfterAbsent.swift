extension Migration {
    /// v12: the mark rule changed (`MarkRule.derive`, `docs/ATTENDANCE-RULE.md`): a kiosk check-in
    /// recorded after a facilitator's absent now makes the person late, where before any
    /// facilitator mark beat every check-in. `attendance_mark` holds what the rule derived when
    /// each event was written, so every stored mark is derived again with the rule as it now
    /// stands (the roster's counts and `session_tally` follow through their triggers). No schema
    /// changes.
    static let v12KioskAfterAbsent = Migration(
        "v12-kiosk-after-absent",
        sql: "SELECT 1",
        rederiveMarks: true)
}
