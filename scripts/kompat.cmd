@echo off
rem Runs kompat from a checkout on Windows, like scripts/kompat: builds target\kompat.jar first when it is
rem missing or older than the sources (so a fresh clone with only a JDK works), then runs it with the same
rem JVM options and passes every argument on. The exit code is kompat's.
setlocal
set "KOMPAT_ROOT=%~dp0.."
for %%I in ("%KOMPAT_ROOT%") do set "KOMPAT_ROOT=%%~fI"
set "KOMPAT_JAR=%KOMPAT_ROOT%\target\kompat.jar"
set "KOMPAT_BUILD="
rem The release archive's layout (bin\, lib\): a built jar and no sources, so nothing to build.
if exist "%KOMPAT_ROOT%\lib\kompat.jar" (
  set "KOMPAT_JAR=%KOMPAT_ROOT%\lib\kompat.jar"
  goto run
)
if not exist "%KOMPAT_JAR%" set "KOMPAT_BUILD=1"
if not defined KOMPAT_BUILD (
  rem A source, matrix file or pom.xml newer than the jar means a rebuild, as in scripts/kompat.
  powershell -NoProfile -NonInteractive -Command "$j=(Get-Item -LiteralPath $env:KOMPAT_JAR).LastWriteTime; $n=Get-ChildItem -LiteralPath (Join-Path $env:KOMPAT_ROOT 'src\main'),(Join-Path $env:KOMPAT_ROOT 'compatibility-matrix'),(Join-Path $env:KOMPAT_ROOT 'pom.xml') -Recurse -File -ErrorAction SilentlyContinue | Where-Object { $_.LastWriteTime -gt $j } | Select-Object -First 1; if ($n) { exit 1 } else { exit 0 }" >nul 2>&1
  if errorlevel 1 set "KOMPAT_BUILD=1"
)
if not defined KOMPAT_BUILD goto run
echo kompat: building %KOMPAT_JAR% (once) ... 1>&2
pushd "%KOMPAT_ROOT%"
call mvnw.cmd -q -B -DskipTests package 1>&2
if errorlevel 1 (
  popd
  echo kompat: the build failed 1>&2
  exit /b 4
)
popd
:run
rem The JVM options of scripts/kompat: start-up dominates a typical run, and a check needs well under 200 MB.
java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off -Xss4m -Xmx256m -jar "%KOMPAT_JAR%" %*
exit /b %ERRORLEVEL%
