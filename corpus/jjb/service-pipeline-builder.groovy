// Rendered by !include-jinja2: with the job's context (j2a sample corpus).
// The real corpus does not carry its builder script; this one is present.
node('productionAgents') {
  stage('{{ pipeline }}') {
    echo "Running PipelineLib pipeline {{ pipeline }} of {{ name }} for ${params.ZUUL_PROJECT}"
  }
}
