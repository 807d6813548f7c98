{{/*
The suite's realm, as Keycloak's realm representation. Rendered into the KeycloakRealmImport (operator mode) and
the ConfigMap fupin-realm (realm.json, for an external Keycloak and the local run). No client secret is set here:
Keycloak generates one per confidential client on import.
*/}}
{{- define "fupin.realm" -}}
{{- $kc := .Values.keycloak -}}
realm: {{ $kc.realm }}
enabled: true
sslRequired: external
registrationAllowed: false
bruteForceProtected: true
accessTokenLifespan: 300
roles:
  realm:
    {{- range $kc.roles }}
    - name: {{ . }}
    {{- end }}
# region and unit are user attributes that only administrators set (declarative user profile)
components:
  org.keycloak.userprofile.UserProfileProvider:
    - providerId: declarative-user-profile
      subComponents: {}
      config:
        kc.user.profile.config:
          - {{ include "fupin.userProfile" . | fromYaml | toJson | quote }}
clientScopes:
  - name: {{ $kc.audience }}
    description: The suite's claims (audience, groups, region, unit)
    protocol: openid-connect
    attributes:
      include.in.token.scope: "false"
      display.on.consent.screen: "false"
    protocolMappers:
      - name: audience
        protocol: openid-connect
        protocolMapper: oidc-audience-mapper
        consentRequired: false
        config:
          included.custom.audience: {{ $kc.audience }}
          access.token.claim: "true"
          id.token.claim: "false"
      - name: groups
        protocol: openid-connect
        protocolMapper: oidc-usermodel-realm-role-mapper
        consentRequired: false
        config:
          claim.name: groups
          multivalued: "true"
          jsonType.label: String
          access.token.claim: "true"
          id.token.claim: "false"
          userinfo.token.claim: "false"
      {{- range list "region" "unit" }}
      - name: {{ . }}
        protocol: openid-connect
        protocolMapper: oidc-usermodel-attribute-mapper
        consentRequired: false
        config:
          user.attribute: {{ . }}
          claim.name: {{ . }}
          jsonType.label: String
          access.token.claim: "true"
          id.token.claim: "false"
          userinfo.token.claim: "true"
      {{- end }}
defaultDefaultClientScopes: [{{ $kc.audience }}, profile, roles, web-origins, acr, basic]
clients:
  {{- range $name, $_ := .Values.services }}
  # {{ $name }}: the service's own identity (it only verifies bearer tokens)
  - clientId: {{ $name }}
    name: {{ $name }}
    protocol: openid-connect
    enabled: true
    bearerOnly: true
    publicClient: false
    standardFlowEnabled: false
    directAccessGrantsEnabled: false
    serviceAccountsEnabled: false
  {{- end }}
  - clientId: {{ $kc.web.clientId }}
    name: Browser
    protocol: openid-connect
    enabled: true
    publicClient: true
    standardFlowEnabled: true
    implicitFlowEnabled: false
    directAccessGrantsEnabled: false
    serviceAccountsEnabled: false
    redirectUris: {{ toJson $kc.web.redirectUris }}
    webOrigins: {{ toJson $kc.web.webOrigins }}
    attributes:
      pkce.code.challenge.method: S256
      post.logout.redirect.uris: "+"
    defaultClientScopes: [{{ $kc.audience }}, profile, roles, web-origins, acr, basic]
  {{- range $kc.integrators }}
  # a provincial integrator: client credentials only; every token carries the province's region
  - clientId: {{ .clientId }}
    name: {{ printf "Provincial integrator (region %s)" .region | quote }}
    protocol: openid-connect
    enabled: true
    publicClient: false
    clientAuthenticatorType: client-secret
    standardFlowEnabled: false
    implicitFlowEnabled: false
    directAccessGrantsEnabled: false
    serviceAccountsEnabled: true
    defaultClientScopes: [{{ $kc.audience }}, roles, basic]
    protocolMappers:
      - name: region
        protocol: openid-connect
        protocolMapper: oidc-hardcoded-claim-mapper
        consentRequired: false
        config:
          claim.name: region
          claim.value: {{ .region | quote }}
          jsonType.label: String
          access.token.claim: "true"
          id.token.claim: "false"
          userinfo.token.claim: "false"
  {{- end }}
users:
  {{- range $kc.integrators }}
  - username: service-account-{{ .clientId }}
    enabled: true
    serviceAccountClientId: {{ .clientId }}
    realmRoles: {{ toJson .roles }}
  {{- end }}
{{- end }}

{{- define "fupin.userProfile" -}}
unmanagedAttributePolicy: ADMIN_VIEW
attributes:
  - name: username
    displayName: "${username}"
    validations: {length: {min: 3, max: 255}, username-prohibited-characters: {}, up-username-not-idn-homograph: {}}
    permissions: {view: [admin, user], edit: [admin, user]}
    multivalued: false
  - name: email
    displayName: "${email}"
    validations: {email: {}, length: {max: 255}}
    permissions: {view: [admin, user], edit: [admin, user]}
    multivalued: false
  - name: firstName
    displayName: "${firstName}"
    validations: {length: {max: 255}, person-name-prohibited-characters: {}}
    permissions: {view: [admin, user], edit: [admin, user]}
    multivalued: false
  - name: lastName
    displayName: "${lastName}"
    validations: {length: {max: 255}, person-name-prohibited-characters: {}}
    permissions: {view: [admin, user], edit: [admin, user]}
    multivalued: false
  - name: region
    displayName: Region code (12 digits or a prefix; 00 is national)
    validations: {pattern: {pattern: "^[0-9]{2,12}$", error-message: "a region code of 2 to 12 digits"}}
    permissions: {view: [admin, user], edit: [admin]}
    multivalued: false
  - name: unit
    displayName: Responsible unit (rectification)
    validations: {length: {max: 64}}
    permissions: {view: [admin, user], edit: [admin]}
    multivalued: false
groups:
  - name: user-metadata
    displayHeader: User metadata
    displayDescription: Attributes, which refer to user metadata
{{- end }}
