/** Form parts shared by the features: fields with hints and errors, choices, the error summary. */
export { CheckboxGroup, RadioGroup, type Choice } from './ChoiceGroup'
export { ErrorSummary, type SummaryItem } from './ErrorSummary'
export { SelectField, type SelectFieldProps } from './SelectField'
export { TextField, type TextFieldProps } from './TextField'
export { default as formStyles } from './Form.module.css'
