# Sign Windows executables or the MSI with the municipality's / vendor's code-signing certificate.
#
#   pwsh packaging/windows/sign.ps1 -Files packaging\dist\underret\*.exe
#
# The certificate comes from the environment (GitHub secrets in .github/workflows/windows-installer.yml):
#   SIGNING_PFX_BASE64    the PFX (PKCS#12) file, base64
#   SIGNING_PFX_PASSWORD  its password
#   SIGNING_TIMESTAMP_URL an RFC 3161 time-stamping service (default: DigiCert's)
# Without a certificate nothing is signed and that is said plainly, as a warning on the run's summary:
# Windows SmartScreen and AppLocker will then treat the program as unknown.
param([Parameter(Mandatory = $true)][string[]]$Files)
$ErrorActionPreference = "Stop"

$targets = @(Get-ChildItem -Path $Files -File)
if ($targets.Count -eq 0) { throw "nothing to sign in: $Files" }
if (-not $env:SIGNING_PFX_BASE64) {
  $names = ($targets | ForEach-Object { $_.Name }) -join ", "
  Write-Output "::warning title=NOT SIGNED::No code-signing certificate is configured (secret WINDOWS_SIGNING_PFX_BASE64), so these files are NOT signed: $names. Windows SmartScreen will warn users and AppLocker rules by publisher will not match."
  exit 0
}
$pfx = Join-Path $env:RUNNER_TEMP "underret-signing.pfx"
[IO.File]::WriteAllBytes($pfx, [Convert]::FromBase64String($env:SIGNING_PFX_BASE64))
try {
  $signtool = Get-ChildItem "${env:ProgramFiles(x86)}\Windows Kits\10\bin\*\x64\signtool.exe" |
    Sort-Object FullName -Descending | Select-Object -First 1
  if (-not $signtool) { throw "signtool.exe not found (Windows SDK)" }
  $timestamp = if ($env:SIGNING_TIMESTAMP_URL) { $env:SIGNING_TIMESTAMP_URL } else { "http://timestamp.digicert.com" }
  foreach ($file in $targets) {
    & $signtool.FullName sign /fd SHA256 /td SHA256 /tr $timestamp /f $pfx /p $env:SIGNING_PFX_PASSWORD $file.FullName
    if ($LASTEXITCODE -ne 0) { throw "signing $($file.Name) failed" }
    & $signtool.FullName verify /pa /all $file.FullName
    if ($LASTEXITCODE -ne 0) { throw "the signature on $($file.Name) does not verify" }
    Write-Output "signed: $($file.Name)"
  }
} finally {
  Remove-Item $pfx -ErrorAction SilentlyContinue
}
