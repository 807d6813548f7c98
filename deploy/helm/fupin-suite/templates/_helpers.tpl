{{/* Labels every object carries. */}}
{{- define "fupin.labels" -}}
app.kubernetes.io/part-of: fupin-suite
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/instance: {{ .Release.Name }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end }}

{{/* A service's settings: serviceDefaults overridden by its own entry. Call with (list $ $name). */}}
{{- define "fupin.service" -}}
{{- $root := index . 0 -}}
{{- $name := index . 1 -}}
{{- $svc := index $root.Values.services $name -}}
{{- toYaml (mergeOverwrite (deepCopy $root.Values.serviceDefaults) (deepCopy $svc)) -}}
{{- end }}

{{/* A service's dead-letter topics, one per consumed topic: <topic>.<short>.dlq. Call with the service entry. */}}
{{- define "fupin.deadLetterTopics" -}}
{{- $out := list -}}
{{- range .consumes }}{{ $out = append $out (printf "%s.%s.dlq" . $.short) }}{{ end -}}
{{- toYaml $out -}}
{{- end }}

{{- define "fupin.kafkaBootstrap" -}}
{{- if eq .Values.kafka.mode "operator" -}}
{{ .Values.kafka.clusterName }}-kafka-bootstrap:9093
{{- else -}}
{{ required "kafka.external.bootstrapServers is required when kafka.mode=external" .Values.kafka.external.bootstrapServers }}
{{- end -}}
{{- end }}

{{- define "fupin.issuerUrl" -}}
{{- if .Values.keycloak.issuerUrl -}}
{{ .Values.keycloak.issuerUrl }}
{{- else -}}
{{ printf "https://%s/realms/%s" (required "keycloak.hostname or keycloak.issuerUrl is required" .Values.keycloak.hostname) .Values.keycloak.realm }}
{{- end -}}
{{- end }}

{{/* jdbc URL of a service's database. Call with (list $ $short). */}}
{{- define "fupin.jdbcUrl" -}}
{{- $root := index . 0 -}}
{{- $short := index . 1 -}}
{{- if eq $root.Values.postgres.mode "operator" -}}
jdbc:postgresql://{{ $root.Values.postgres.clusterName }}-rw:5432/{{ $short }}
{{- else -}}
jdbc:postgresql://{{ required "postgres.external.host is required when postgres.mode=external" $root.Values.postgres.external.host }}:{{ $root.Values.postgres.external.port }}/{{ $short }}
{{- end -}}
{{- end }}

{{/* Environment variable that sets a topic's replication factor for the service's own CreateTopics. */}}
{{- define "fupin.topicEnv" -}}
FUPIN_KAFKA_TOPICS__{{ . | upper | replace "." "_" | replace "-" "_" }}__REPLICATION_FACTOR
{{- end }}

{{/* helm upgrade and uninstall never delete data-bearing resources. */}}
{{- define "fupin.keep" -}}
helm.sh/resource-policy: keep
{{- end }}
