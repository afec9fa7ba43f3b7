export { fieldErrors, formValues, type FormErrors } from "~/http/forms";
