import Foundation

/// Who gets a certificate of attendance: participants and observers who completed the course and
/// whose nomination stands (nominated or confirmed). A walk-in has completed but awaits the
/// coordinator's review (`NominationStatus.walkIn`) and gets a certificate once confirmed;
/// facilitators, resource people and organisers are not trainees.
public enum CertificateEligibility {
    public static func isEligible(role: Role, status: NominationStatus, verdict: CompletionVerdict) -> Bool {
        verdict.completed && isTrainee(role) && (status == .nominated || status == .confirmed)
    }

    /// Completed, but only a review stands between them and a certificate.
    public static func awaitsReview(role: Role, status: NominationStatus, verdict: CompletionVerdict) -> Bool {
        verdict.completed && isTrainee(role) && status == .walkIn
    }

    /// Participants and observers: the people a course trains, counted in reports.
    public static func isTrainee(_ role: Role) -> Bool { role == .participant || role == .observer }
}
