// Package redact removes personal data and secrets from pasted payloads before
// they are shared, keeping the text's structure so that it still validates
// the same way.
//
// [Text] replaces GUIDs (tenant, call, operation and user ids alike), e-mail
// addresses, phone numbers, bearer and JWT-like tokens, long opaque token
// strings, and the values of JSON members that hold names or secrets
// (displayName, userPrincipalName, clientState, ...) with placeholders. It
// also replaces the credentials a URL carries (signature and token query
// parameters, Azure SAS and S3 presigned parameters, user:password@), and
// the whole URL in members that locate a recording or media
// (recordingLocation, a mediaInfo's uri, ...), since a signed link to a
// call's recording is as good as the token that fetched it. The
// same value always becomes the same placeholder within one text, so a
// callback's resourceUrl still names the operation its resourceData.id
// holds; GUIDs stay GUIDs, e-mail addresses stay addresses, and JSON stays
// valid JSON.
package redact
