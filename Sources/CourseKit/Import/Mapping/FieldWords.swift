import Foundation

/// The words registration tools and hand-made sheets use for sex, role and nomination state,
/// in the languages Muster's courses run in (English, Spanish, French, Portuguese).
enum FieldWords {
    static func sex(_ raw: String) -> Sex? {
        switch key(raw) {
        case "f", "female", "woman", "women", "w", "femme", "mujer", "femenino", "feminino", "mulher", "fem", "femmina":
            .female
        case "m", "male", "man", "men", "h", "homme", "hombre", "masculino", "masc", "homem", "maschio":
            .male
        case "x", "other", "non binary", "nonbinary", "diverse", "otro", "otra", "autre", "outro", "another":
            .other
        case "not disclosed", "prefer not to say", "prefer not to answer", "undisclosed", "prefiero no decir",
            "prefiero no responder", "je prefere ne pas repondre", "n a", "na", "unknown", "not stated":
            .notDisclosed
        default:
            nil
        }
    }

    static func role(_ raw: String) -> Role? {
        switch key(raw) {
        case "participant", "participants", "attendee", "trainee", "delegate", "participante", "learner", "student":
            .participant
        case "observer", "observador", "observadora", "observateur", "observatrice":
            .observer
        case "facilitator", "trainer", "instructor", "moderator", "facilitador", "facilitadora", "formateur", "teacher":
            .facilitator
        case "resource person", "resource", "speaker", "panellist", "panelist", "presenter", "expert", "ponente",
            "conferencista", "intervenant":
            .resourcePerson
        case "organiser", "organizer", "host", "staff", "organizador", "organizadora", "organisateur", "secretariat":
            .organiser
        default:
            nil
        }
    }

    /// Nomination states written by people and by tools without a fixed vocabulary of their own.
    static func status(_ raw: String) -> NominationStatus? {
        switch key(raw) {
        case "confirmed", "accepted", "approved", "registered", "attending", "completed", "paid", "confirmado", "confirmada":
            .confirmed
        case "nominated", "nominee", "pending", "applied", "proposed", "nominado", "nominada":
            .nominated
        case "declined", "rejected", "not attending", "refused", "rechazado", "declinado":
            .declined
        case "withdrawn", "cancelled", "canceled", "refunded", "transferred", "deleted", "retirado", "cancelado":
            .withdrawn
        case "waitlisted", "waitlist", "waiting list", "wait list", "reserve", "lista de espera":
            .waitlisted
        case "walk in", "walkin":
            .walkIn
        case "substituted", "replaced", "sustituido":
            .substituted
        default:
            nil
        }
    }

    /// Indico's registration states: "Pending" awaits the organiser's approval, so the person is
    /// not yet expected in the room (waitlisted); "Awaiting payment" has been approved (nominated).
    static func indicoState(_ raw: String) -> NominationStatus? {
        switch key(raw) {
        case "completed": .confirmed
        case "pending": .waitlisted
        case "awaiting payment", "unpaid": .nominated
        case "rejected": .declined
        case "withdrawn": .withdrawn
        default: status(raw)
        }
    }

    /// Eventbrite's attendee states.
    static func eventbriteStatus(_ raw: String) -> NominationStatus? {
        switch key(raw) {
        case "attending", "checked in": .confirmed
        case "not attending": .declined
        case "refunded", "cancelled", "canceled", "transferred", "deleted": .withdrawn
        case "waitlist", "waitlisted": .waitlisted
        default: status(raw)
        }
    }

    /// "Yes", "true", "1", "x", "sí", "oui" and their opposites; nil for anything else.
    static func yes(_ raw: String) -> Bool? {
        switch key(raw) {
        case "yes", "y", "true", "1", "x", "si", "oui", "sim": true
        case "no", "n", "false", "0", "non", "nao", "": false
        default: nil
        }
    }

    /// Lower case, no diacritics, punctuation as single spaces: "Non-Binary" → "non binary"
    /// (`NameFolding.fold`, with the fast path for plain ASCII that every row's "Yes" or "F" takes).
    static func key(_ raw: String) -> String {
        FoldCache.asciiFold(raw[...])?.joined(separator: " ") ?? NameFolding.fold(raw)
    }
}
