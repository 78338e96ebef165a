; Inno Setup 6 script for the Windows installer of Journey Builder. packaging/build.py compiles it
; after PyInstaller (ISCC /DAppVersion=… /DSourceDir=dist\journey-builder …); docs/packaging.md
; has the whole recipe.
;
; Installs for the current user without administrator rights (a shop owner's own PC), or for all
; users when run as administrator. The shop's data lives in %LOCALAPPDATA%\journey-builder,
; which this installer never writes and its uninstaller never deletes: an upgrade (the same
; AppId, installed over the old version) and even an uninstall keep the shop.

#ifndef AppVersion
  #error Pass /DAppVersion=X.Y.Z (packaging/build.py does)
#endif
#ifndef SourceDir
  #error Pass /DSourceDir=path\to\dist\journey-builder (packaging/build.py does)
#endif

[Setup]
AppId={{6F1B0C55-7A0E-4C1E-9B55-3E1F4B0A2D19}
AppName=Journey Builder
AppVersion={#AppVersion}
AppVerName=Journey Builder {#AppVersion}
AppPublisher=Journey Builder
DefaultDirName={autopf}\Journey Builder
DefaultGroupName=Journey Builder
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\journey-builder.exe
WizardStyle=modern
Compression=lzma2
SolidCompression=yes
; Stops a running Journey Builder (and its `run` worker) before files are replaced.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "german"; MessagesFile: "compiler:Languages\German.isl"
Name: "russian"; MessagesFile: "compiler:Languages\Russian.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle; files of an older version that this one no longer has are removed
; first, so an upgrade cannot mix the two.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\Journey Builder"; Filename: "{app}\journey-builder.exe"
Name: "{autodesktop}\Journey Builder"; Filename: "{app}\journey-builder.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\journey-builder.exe"; Description: "{cm:LaunchProgram,Journey Builder}"; Flags: nowait postinstall skipifsilent
