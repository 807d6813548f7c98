{{/*
The suite's realm, as Keycloak's realm representation: files/realm.json (the one realm file, also imported by the
local run, ./fupin start --keycloak) plus what differs per installation, from the values: the browser client's
redirect URIs and web origins, and the provincial integrators (a client and its service-account user each). Rendered
into the KeycloakRealmImport (operator mode) and the ConfigMap fupin-realm (realm.json, for an external Keycloak). No
client secret is set here: Keycloak generates one per confidential client on import.
*/}}
{{- define "fupin.realm" -}}
{{- $kc := .Values.keycloak -}}
{{- $realm := .Files.Get "files/realm.json" | fromJson -}}
{{- if ne $realm.realm $kc.realm }}{{ fail (printf "keycloak.realm %q differs from files/realm.json (%q)" $kc.realm $realm.realm) }}{{ end -}}
{{- $clients := list -}}
{{- $webFound := false -}}
{{- range $realm.clients -}}
{{- if eq .clientId $kc.web.clientId -}}
{{- $_ := set . "redirectUris" $kc.web.redirectUris -}}
{{- $_ := set . "webOrigins" $kc.web.webOrigins -}}
{{- $webFound = true -}}
{{- end -}}
{{- $clients = append $clients . -}}
{{- end -}}
{{- if not $webFound }}{{ fail (printf "keycloak.web.clientId %q is not a client of files/realm.json" $kc.web.clientId) }}{{ end -}}
{{- $users := list -}}
{{- range $kc.integrators -}}
{{- $clients = append $clients (include "fupin.integratorClient" (dict "integrator" . "audience" $kc.audience) | fromYaml) -}}
{{- $users = append $users (dict "username" (printf "service-account-%s" .clientId) "enabled" true "serviceAccountClientId" .clientId "realmRoles" .roles) -}}
{{- end -}}
{{- $_ := set $realm "clients" $clients -}}
{{- if $users }}{{ $_ := set $realm "users" $users }}{{ end -}}
{{- toYaml $realm }}
{{- end }}

{{/* A provincial integrator: client credentials only; every token carries the province's region. */}}
{{- define "fupin.integratorClient" -}}
{{- $i := .integrator -}}
clientId: {{ $i.clientId }}
name: {{ printf "Provincial integrator (region %s)" $i.region | quote }}
protocol: openid-connect
enabled: true
publicClient: false
clientAuthenticatorType: client-secret
standardFlowEnabled: false
implicitFlowEnabled: false
directAccessGrantsEnabled: false
serviceAccountsEnabled: true
defaultClientScopes: [{{ .audience }}, basic]
protocolMappers:
  - name: region
    protocol: openid-connect
    protocolMapper: oidc-hardcoded-claim-mapper
    consentRequired: false
    config:
      claim.name: region
      claim.value: {{ $i.region | quote }}
      jsonType.label: String
      access.token.claim: "true"
      id.token.claim: "false"
      userinfo.token.claim: "false"
{{- end }}
