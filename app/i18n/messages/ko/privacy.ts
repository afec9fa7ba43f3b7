/** privacy in ko; keys and placeholders as in ../privacy.ts. */
export const ko = {
  "privacy.title": "내 데이터",
  "privacy.intro": "보관 중인 내 정보를 모두 JSON 파일로 다운로드하거나, 계정과 계정에 속한 데이터를 삭제하세요.",
  "privacy.download": "내 데이터 다운로드",
  "privacy.delete": "내 계정 삭제",
  "privacy.deleteTitle": "계정 삭제",
  "privacy.deleteWarning":
    "{email} 계정과 로그인 방법, 패스키, 세션, 조직 구성원 자격을 함께 삭제합니다. 되돌릴 수 없습니다.",
  "privacy.deletePassword": "비밀번호",
  "privacy.deletePasswordHint": "본인 확인을 위해 필요합니다.",
  "privacy.deleteFresh": "최근에 로그인하셨으므로 비밀번호가 필요하지 않습니다.",
  "privacy.deleteConfirm": "내 계정이 영구적으로 삭제된다는 것을 이해합니다",
  "privacy.deleteSubmit": "내 계정 삭제",
  "privacy.deleteCancel": "계정 유지",
  "privacy.deleted": "계정이 삭제되었습니다.",
  "privacy.deletedText": "계정과 계정에 속한 데이터가 삭제되었습니다. 이 페이지는 닫으셔도 됩니다.",
  "privacy.error.confirm": "확인하려면 체크박스를 선택하세요.",
  "privacy.error.password": "비밀번호가 올바르지 않습니다.",
  "privacy.error.reauthenticate": "보안을 위해 로그아웃한 후 다시 로그인하고, 하루 안에 계정을 삭제하세요.",
};
