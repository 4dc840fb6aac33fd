// Package redact removes personal data and secrets from pasted payloads before
// they are shared, keeping the text's structure so that it still validates
// the same way.
//
// [Text] replaces GUIDs (tenant, call, operation and user ids alike), e-mail
// addresses, phone numbers, bearer and JWT-like tokens, long opaque token
// strings, and the values of JSON members that hold names or secrets
// (displayName, userPrincipalName, clientState, ...) with placeholders. The
// same value always becomes the same placeholder within one text, so a
// callback's resourceUrl still names the operation its resourceData.id
// holds; GUIDs stay GUIDs, e-mail addresses stay addresses, and JSON stays
// valid JSON.
package redact
